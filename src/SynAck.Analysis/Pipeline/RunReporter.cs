using SynAck.Capture;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// The progress reports and the final totals of one pipeline run, the same for both ways of running it
/// (<see cref="ScanRun"/>, <see cref="PipelineRun"/>): reports at most once per
/// <see cref="PipelineOptions.ProgressInterval"/>, timed with the injected clock.
/// </summary>
internal sealed class RunReporter(TimeSpan interval, TimeProvider time, Action<PipelineProgress>? progress)
{
    private readonly long _started = time.GetTimestamp();
    private long _lastReport;

    /// <summary>Reports progress when due (always with <paramref name="force"/>); nothing without a receiver.</summary>
    public void Report(bool force, CaptureReader reader, long packets, long live)
    {
        if (progress is null)
        {
            return;
        }

        var now = time.GetTimestamp();
        if (!force && time.GetElapsedTime(_lastReport, now) < interval)
        {
            return;
        }

        _lastReport = now;
        progress(new PipelineProgress(reader.BytesRead, reader.TotalBytes, packets, live, time.GetElapsedTime(_started, now)));
    }

    /// <summary>The run's totals: the readers' counts given, the trackers' counters summed.</summary>
    public PipelineResult Result(
        IEnumerable<ShardWorker> workers, OutputMerger merger, CaptureReader reader, long packets, long segments, int readers)
    {
        long idle = 0;
        long capacity = 0;
        long peak = 0;
        var threads = 0;
        foreach (var w in workers)
        {
            var c = w.Tracker.Counters;
            idle += c.EvictedIdle;
            capacity += c.EvictedCapacity;
            peak = Math.Max(peak, c.PeakLive);
            threads++;
        }

        return new PipelineResult
        {
            Packets = packets,
            TcpSegments = segments,
            Bytes = reader.BytesRead,
            Connections = merger.Connections,
            PeakLiveConnections = Math.Max(peak, merger.PeakLive),
            EvictedIdle = idle,
            EvictedCapacity = capacity,
            Threads = threads,
            Readers = readers,
            Elapsed = time.GetElapsedTime(_started),
        };
    }
}
