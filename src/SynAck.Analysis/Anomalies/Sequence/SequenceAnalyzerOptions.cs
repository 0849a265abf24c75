namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>Limits of <see cref="TcpSequenceAnalyzer"/>.</summary>
public sealed record SequenceAnalyzerOptions
{
    /// <summary>Most conversations kept at once; when full, the least recently active one is evicted (counted).</summary>
    public int MaxConversations { get; init; } = 1 << 18;

    /// <summary>Most unacknowledged segments remembered per direction (Wireshark's TCP_MAX_UNACKED_SEGMENTS).</summary>
    public int MaxUnackedSegments { get; init; } = 1000;

    /// <summary>
    /// Out-of-order threshold while the initial RTT is unknown, ns (Wireshark uses 3 ms); once known the
    /// initial RTT is the threshold.
    /// </summary>
    public long DefaultOutOfOrderThresholdNanos { get; init; } = 3_000_000;

    /// <summary>Fast retransmission window after the last duplicate ACK, ns (Wireshark: 20 ms).</summary>
    public long FastRetransmissionWindowNanos { get; init; } = 20_000_000;
}
