using SynAck.Analysis.Zeek;

namespace SynAck.Analysis.Tracking;

/// <summary>Configuration of a <see cref="ConnectionTracker"/>. Times are nanoseconds.</summary>
public sealed record TrackerOptions
{
    private const long Second = 1_000_000_000L;

    /// <summary>Zeek semantics: timeouts, likely server ports, checksum verification.</summary>
    public ZeekOptions Zeek { get; init; } = new();

    /// <summary>Maximum segment lifetime; TIME-WAIT lasts 2·MSL (RFC 9293 §3.10.8). Default 30 s, Linux's 60 s TIME-WAIT.</summary>
    public long MslNs { get; init; } = 30 * Second;

    /// <summary>Seed of the uid generator.</summary>
    public ulong UidSeed { get; init; }

    /// <summary>Keep every state transition in the record (for ladders and per-packet output); otherwise only count them.</summary>
    public bool RecordTransitions { get; init; }

    /// <summary>
    /// Run Wireshark-style sequence analysis on every segment, so records carry per-direction retransmission,
    /// duplicate-ACK, zero-window and out-of-order counts and ACK RTT statistics (default on).
    /// </summary>
    public bool AnalyzeSequences { get; init; } = true;

    /// <summary>
    /// Live connections kept at most; beyond it the longest-idle connection (oldest last packet) is evicted, in
    /// O(log n) per eviction (<see cref="IdleOrder"/>), so a full table under a SYN flood stays cheap.
    /// </summary>
    public int MaxConnections { get; init; } = 4_000_000;

    /// <summary>How often (capture time) the table is swept for connections whose timers expired.</summary>
    public long SweepIntervalNs { get; init; } = Second;

    /// <summary>
    /// Sweep every <see cref="SweepIntervalNs"/> while processing (default). Off when the caller schedules
    /// <see cref="ConnectionTracker.Sweep"/> itself, as the sharded pipeline does so every shard sweeps at the same packets.
    /// </summary>
    public bool SweepAutomatically { get; init; } = true;

    /// <summary>
    /// Keep <see cref="ConnectionTracker.LastOutcome"/> up to date after every segment (default on, for per-packet
    /// views such as <c>packets</c> and <c>ladder</c>); the record-only pipeline turns it off and saves the work.
    /// </summary>
    public bool ReportOutcomes { get; init; } = true;
}
