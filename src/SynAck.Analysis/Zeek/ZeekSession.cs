namespace SynAck.Analysis.Zeek;

/// <summary>
/// Zeek's per-connection TCP bookkeeping (its <c>TCPSessionAdapter</c> plus the parts of <c>Connection</c> the
/// conn.log reads): both endpoints, which side is the originator, the history, the last-activity time that
/// yields <c>duration</c>, and the pending removal timers. Mutated only by <see cref="ZeekTcpAnalyzer"/>.
/// </summary>
public struct ZeekSession
{
    /// <summary>Which physical side is currently the originator (changes on a flip).</summary>
    public int OrigSide;

    /// <summary>Zeek's <c>is_active</c>: cleared once the connection finished or was reset.</summary>
    public bool IsActive;

    /// <summary>Time of the first packet (conn.log <c>ts</c>), ns.</summary>
    public long StartNs;

    /// <summary>Zeek's <c>last_time</c>: advanced by every packet until both sides closed; <c>duration</c> ends here.</summary>
    public long LastNs;

    /// <summary>True once the inactivity timeout switched from the handshake value to the established one.</summary>
    public bool LongInactivity;

    /// <summary>Pending one-shot attempt timer (ns), or 0.</summary>
    public long AttemptAtNs;

    public ExpireChains Chains;

    public int ChainCount;

    /// <summary>Removal time scheduled after a complete close (ns), or <see cref="long.MaxValue"/>.</summary>
    public long DeleteAtNs;

    /// <summary>Zeek's <c>is_partial</c>: the connection did not start with a SYN from each side.</summary>
    public bool IsPartial;

    /// <summary>Directions whose first packet has been seen (bit 1 originator, bit 2 responder).</summary>
    public int FirstPacketSeen;

    /// <summary>When true, gaps count even when an endpoint is not cleanly established (Zeek's <c>report_gaps_for_partial</c>).</summary>
    public bool ReportGapsForPartial;

    public ConnHistory History;

    /// <summary>
    /// Endpoints by physical side (0 = sender of the connection's first packet). Last, so the session's own fields
    /// above share cache lines with each other rather than with an endpoint's cold part.
    /// </summary>
    public ZeekEndpointPair Sides;

    /// <summary>The side whose endpoint is the originator right now.</summary>
    public readonly int RespSide => OrigSide ^ 1;
}
