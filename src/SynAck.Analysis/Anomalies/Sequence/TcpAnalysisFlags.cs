namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// Per-packet sequence analysis results, one bit per Wireshark <c>tcp.analysis.*</c> field of the same name
/// (see <see cref="TcpAnalysisFlagNames"/>). As in Wireshark's display filters, a fast or spurious
/// retransmission also carries <see cref="Retransmission"/>.
/// </summary>
[Flags]
public enum TcpAnalysisFlags : ushort
{
    None = 0,

    /// <summary><c>tcp.analysis.retransmission</c>: data, SYN or FIN that does not advance the sequence space.</summary>
    Retransmission = 1 << 0,

    /// <summary><c>tcp.analysis.fast_retransmission</c>: a retransmission at the duplicate-ACKed sequence within 20 ms of the third duplicate ACK.</summary>
    FastRetransmission = 1 << 1,

    /// <summary><c>tcp.analysis.spurious_retransmission</c>: a retransmission of data the peer had already acknowledged.</summary>
    SpuriousRetransmission = 1 << 2,

    /// <summary><c>tcp.analysis.out_of_order</c>: a segment behind the highest sequence seen, arriving within one initial RTT of it.</summary>
    OutOfOrder = 1 << 3,

    /// <summary><c>tcp.analysis.lost_segment</c>: the segment starts beyond the next expected sequence (a previous segment was not captured).</summary>
    LostSegment = 1 << 4,

    /// <summary><c>tcp.analysis.ack_lost_segment</c>: the segment acknowledges data that was never captured.</summary>
    AckLostSegment = 1 << 5,

    /// <summary><c>tcp.analysis.duplicate_ack</c>: an empty segment repeating the previous seq, ack and window.</summary>
    DuplicateAck = 1 << 6,

    /// <summary><c>tcp.analysis.zero_window</c>: window 0 on a segment without SYN, FIN or RST.</summary>
    ZeroWindow = 1 << 7,

    /// <summary><c>tcp.analysis.zero_window_probe</c>: one byte at the next expected sequence while the peer's window is 0.</summary>
    ZeroWindowProbe = 1 << 8,

    /// <summary><c>tcp.analysis.zero_window_probe_ack</c>: the zero-window reply to a zero-window probe.</summary>
    ZeroWindowProbeAck = 1 << 9,

    /// <summary><c>tcp.analysis.window_full</c>: the segment fills the peer's advertised window exactly.</summary>
    WindowFull = 1 << 10,

    /// <summary><c>tcp.analysis.window_update</c>: an empty segment repeating seq and ack with a new non-zero window.</summary>
    WindowUpdate = 1 << 11,

    /// <summary><c>tcp.analysis.keep_alive</c>: zero or one byte at one before the next expected sequence.</summary>
    KeepAlive = 1 << 12,

    /// <summary><c>tcp.analysis.keep_alive_ack</c>: the duplicate-looking reply to a keep-alive.</summary>
    KeepAliveAck = 1 << 13,

    /// <summary><c>tcp.analysis.reused_ports</c>: a SYN (or SYN-ACK) with a new ISN on a 4-tuple already seen.</summary>
    ReusedPorts = 1 << 14,
}
