namespace SynAck.Analysis.Tracking;

/// <summary>Running totals of a <see cref="ConnectionTracker"/> (mutable by the tracker only).</summary>
public sealed class TrackerCounters
{
    /// <summary>Segments processed.</summary>
    public long Segments { get; internal set; }

    /// <summary>Packets whose TCP header was cut by the snaplen: they find or create a connection, nothing more.</summary>
    public long HeaderOnly { get; internal set; }

    /// <summary>Segments dropped for a bad checksum (checksum verification on).</summary>
    public long BadChecksums { get; internal set; }

    /// <summary>Connections created.</summary>
    public long Connections { get; internal set; }

    /// <summary>Connections removed after closing.</summary>
    public long Closed { get; internal set; }

    /// <summary>Connections evicted by the inactivity timeout.</summary>
    public long EvictedIdle { get; internal set; }

    /// <summary>Unanswered attempts removed by the attempt timeout.</summary>
    public long AttemptTimeouts { get; internal set; }

    /// <summary>Half-closed or reset connections expired by the expire timer.</summary>
    public long Expired { get; internal set; }

    /// <summary>Connections ended because a new SYN reused their 4-tuple.</summary>
    public long Reused { get; internal set; }

    /// <summary>Connections still live at capture end.</summary>
    public long OpenAtEnd { get; internal set; }

    /// <summary>Connections evicted to respect the capacity.</summary>
    public long EvictedCapacity { get; internal set; }

    /// <summary>RFC state transitions inferred.</summary>
    public long Transitions { get; internal set; }

    /// <summary>Most connections live at once.</summary>
    public long PeakLive { get; internal set; }
}
