using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Cli.Common;

/// <summary>The CLI's settings for reading captures through <see cref="CaptureFeeder"/> and tracking their connections.</summary>
public static class TrackedCapture
{
    /// <summary>
    /// Tracker settings for the CLI: uids seeded by the capture's position on the command line (so two captures in
    /// one run get distinct uids and a single capture always gets the same ones), Zeek checksum semantics with
    /// --verify-checksums.
    /// </summary>
    public static TrackerOptions Options(int captureIndex, bool verifyChecksums, bool recordTransitions = false) => new()
    {
        UidSeed = (ulong)captureIndex,
        Zeek = new ZeekOptions { VerifyChecksums = verifyChecksums },
        RecordTransitions = recordTransitions,
    };

    /// <summary>
    /// What every command's decoder follows (the one place the CLI chooses it) and checksum verification: tunnels
    /// are followed as Zeek does, unless <c>--no-tunnels</c>.
    /// </summary>
    public static FeedOptions Feed(bool verifyChecksums, bool noTunnels = false) => new()
    {
        Decode = noTunnels ? DecodeOptions.None : DecodeOptions.FollowTunnels,
        VerifyChecksums = verifyChecksums,
    };

    /// <summary>Feeds every packet to <paramref name="tracker"/>, tells <paramref name="observer"/>, then flushes the tracker.</summary>
    public static long Run(
        CaptureReader reader, ConnectionTracker tracker, bool verifyChecksums, IPacketObserver? observer = null, bool noTunnels = false) =>
        CaptureFeeder.Run(reader, tracker, Feed(verifyChecksums, noTunnels), observer: observer);

    /// <summary>Writes the reader's warnings (truncated tail, corrupt block) to standard error, one line each.</summary>
    public static void ReportWarnings(CliEnvironment environment, string capture, CaptureReader reader)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var warning in reader.Warnings)
        {
            // The reader's message names the byte offset ("truncated record at byte 114: 86 of 90 bytes").
            environment.Error.WriteLine($"synack: warning: {capture}: {warning.Message}");
        }
    }
}
