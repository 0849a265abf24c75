using SynAck.Analysis.Pipeline;

namespace SynAck.Cli.Common;

/// <summary>What <c>--stats</c> reports: totals over every capture of one command.</summary>
public sealed record RunStats
{
    public long Packets { get; init; }

    public long Bytes { get; init; }

    public long Connections { get; init; }

    /// <summary>Most connections live at once in any one capture.</summary>
    public long PeakLiveConnections { get; init; }

    public long EvictedIdle { get; init; }

    public long EvictedCapacity { get; init; }

    /// <summary>Peak working set of the process in bytes.</summary>
    public long PeakMemoryBytes { get; init; }

    public int Threads { get; init; }

    /// <summary>Threads that read the capture (<see cref="PipelineResult.Readers"/>), in the last run.</summary>
    public int Readers { get; init; } = 1;

    public TimeSpan Elapsed { get; init; }

    /// <summary>These totals plus one capture's run.</summary>
    public RunStats Add(PipelineResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return this with
        {
            Packets = Packets + r.Packets,
            Bytes = Bytes + r.Bytes,
            Connections = Connections + r.Connections,
            PeakLiveConnections = Math.Max(PeakLiveConnections, r.PeakLiveConnections),
            EvictedIdle = EvictedIdle + r.EvictedIdle,
            EvictedCapacity = EvictedCapacity + r.EvictedCapacity,
            Threads = r.Threads,
            Readers = r.Readers,
            Elapsed = Elapsed + r.Elapsed,
        };
    }
}
