namespace SynAck.Analysis.Pipeline;

/// <summary>What a <see cref="ConnPipeline"/> run did: volumes, connection counts and wall time.</summary>
public sealed record PipelineResult
{
    /// <summary>Packets read from the capture.</summary>
    public long Packets { get; init; }

    /// <summary>Packets that carried a complete TCP header and were tracked.</summary>
    public long TcpSegments { get; init; }

    /// <summary>Input bytes read.</summary>
    public long Bytes { get; init; }

    /// <summary>Connection records produced.</summary>
    public long Connections { get; init; }

    /// <summary>
    /// Most connections live at once: exact with one thread; with several, the largest sum over the shards observed
    /// at chunk boundaries.
    /// </summary>
    public long PeakLiveConnections { get; init; }

    /// <summary>Connections evicted: idle past the inactivity timeout, or to respect the table capacity.</summary>
    public long Evictions => EvictedIdle + EvictedCapacity;

    /// <summary>Connections evicted because they were idle past Zeek's inactivity timeout.</summary>
    public long EvictedIdle { get; init; }

    /// <summary>Connections evicted (longest idle first) because a flow table reached its capacity.</summary>
    public long EvictedCapacity { get; init; }

    /// <summary>Threads used (the reading thread included).</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Threads that read the capture: every thread when each reads a regular file for itself, otherwise one, which
    /// hands segments to the others (<see cref="PipelineOptions.ReadPerThread"/>).
    /// </summary>
    public int Readers { get; init; } = 1;

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Elapsed { get; init; }
}
