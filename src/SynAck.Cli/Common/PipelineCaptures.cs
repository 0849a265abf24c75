using System.Buffers;
using SynAck.Analysis.Output;
using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Records;
using SynAck.Capture;

namespace SynAck.Cli.Common;

/// <summary>
/// Runs the captures of <c>conns</c> and <c>analyze</c> through <see cref="ConnPipeline"/>: one pipeline per capture
/// (uids seeded by the capture's index), <c>--threads</c> workers, a progress bar on a terminal's standard error,
/// and the <c>--stats</c> totals.
/// </summary>
public sealed class PipelineCaptures(CliEnvironment environment, int threads, bool verifyChecksums, bool noTunnels = false)
{
    /// <summary>Records handed to a caller between two collections (see <see cref="Collecting"/>).</summary>
    internal const int RecordsPerCollection = 65_536;

    private long _records;

    /// <summary>Totals of the runs so far.</summary>
    public RunStats Stats { get; private set; } = new();

    /// <summary>
    /// Runs capture number <paramref name="index"/>; records go to <paramref name="output"/> through
    /// <paramref name="encoder"/> (or as Zeek rows through <paramref name="zeekEncoder"/>) and/or to <paramref name="onRecord"/>.
    /// </summary>
    public PipelineResult Run(
        int index, string path, CaptureReader reader, Stream? output = null, Func<IBufferWriter<byte>, Action<ConnRecord>>? encoder = null,
        Action<ConnRecord>? onRecord = null, IPacketObserver? observer = null, Func<IBufferWriter<byte>, ZeekConnLogWriter>? zeekEncoder = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var feed = TrackedCapture.Feed(verifyChecksums, noTunnels);
        var options = new PipelineOptions
        {
            Tracker = TrackedCapture.Options(index, verifyChecksums),
            Threads = threads,
            VerifyChecksums = feed.VerifyChecksums,
            Decode = feed.Decode,
        };
        var result = ProgressDisplay.Run(environment, path, progress => new ConnPipeline(options, environment.Time)
        {
            Output = output,
            Encoder = encoder,
            ZeekEncoder = zeekEncoder,
            OnRecord = onRecord is null ? null : Collecting(onRecord),
            Observer = observer,
            Progress = progress,
        }.Run(reader));
        Stats = Stats.Add(result);
        return result;
    }

    /// <summary>
    /// <paramref name="onRecord"/>, with a full collection every <see cref="RecordsPerCollection"/> records. A record
    /// lives through an epoch's hand-over between threads, long enough to be promoted, and is garbage once the caller
    /// has counted or copied it; left to its own pace the GC let those pile up in the old generation as the capture
    /// went on (peak RSS of the redirected table: 364 MB on real-close.pcap and 2.2 GB on it multiplied ten times;
    /// analyze: 94-107 and 195-204 MB).
    /// </summary>
    private Action<ConnRecord> Collecting(Action<ConnRecord> onRecord) => r =>
    {
        onRecord(r);
        if (++_records % RecordsPerCollection == 0)
        {
            GC.Collect();
        }
    };

    /// <summary>Writes the <c>--stats</c> block to standard error.</summary>
    public void WriteStats() => RunStatsWriter.Write(environment.Error, Stats with { PeakMemoryBytes = environment.PeakMemory() });

    /// <summary>Checks a <c>--threads</c> value.</summary>
    public static int ValidThreads(int threads) =>
        threads >= 1 ? threads : throw CliException.Usage($"--threads must be at least 1 (got {threads})");
}
