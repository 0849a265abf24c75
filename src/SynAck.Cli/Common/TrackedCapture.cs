using SynAck.Analysis.Input;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Cli.Common;

/// <summary>Runs a capture through the decoder and a <see cref="ConnectionTracker"/>, as conns, ladder and packets need it.</summary>
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
    /// Feeds every packet to <paramref name="tracker"/>, tells <paramref name="observer"/>, then flushes the tracker.
    /// <paramref name="decode"/>: tunnels are followed unless the caller turns it off (<c>--no-tunnels</c>).
    /// </summary>
    public static void Run(
        CaptureReader reader, ConnectionTracker tracker, bool verifyChecksums, IPacketObserver? observer = null,
        DecodeOptions decode = DecodeOptions.FollowTunnels)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(tracker);
        while (reader.TryReadNext(out var packet))
        {
            PacketDecoder.Decode(packet.LinkType, packet.Data, decode, out var decoded);
            var tracked = TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, verifyChecksums, out var segment);
            if (tracked)
            {
                tracker.Process(segment);
            }

            observer?.OnPacket(packet, decoded, tracked);
        }

        tracker.Flush();
    }

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
