namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// The sequence analysis of one TCP packet, field for field what Wireshark shows under
/// <c>[SEQ/ACK analysis]</c>. Times are nanoseconds; -1 means "not known" (Wireshark leaves the field out).
/// </summary>
public readonly record struct TcpPacketAnalysis
{
    /// <summary>1-based frame number of the packet.</summary>
    public long FrameNumber { get; init; }

    /// <summary>0-based index of the analyzed conversation, like <c>tcp.stream</c>; a reused 4-tuple gets a new one.</summary>
    public long Stream { get; init; }

    /// <summary>True when the packet travels from the conversation's first sender.</summary>
    public bool FromFirstSender { get; init; }

    public TcpAnalysisFlags Flags { get; init; }

    /// <summary><c>tcp.analysis.duplicate_ack_num</c>: the ordinal of this duplicate ACK (1, 2, ...), 0 when not one.</summary>
    public int DuplicateAckNumber { get; init; }

    /// <summary><c>tcp.analysis.duplicate_ack_frame</c>: the frame whose ACK this one duplicates, 0 when not one.</summary>
    public long DuplicateAckFrame { get; init; }

    /// <summary><c>tcp.analysis.acks_frame</c>: the data segment this ACK acknowledges exactly, 0 when none.</summary>
    public long AckedFrame { get; init; }

    /// <summary><c>tcp.analysis.ack_rtt</c>: time since <see cref="AckedFrame"/>, ns; -1 when none.</summary>
    public long AckRttNanos { get; init; }

    /// <summary><c>tcp.analysis.initial_rtt</c>: SYN to the handshake's final ACK at the capture point, ns; -1 until known.</summary>
    public long InitialRttNanos { get; init; }

    /// <summary>
    /// True when Wireshark keeps an analysis record for the packet (a flag, an exactly acknowledged frame, or a
    /// bytes-in-flight evaluation); only such packets show <c>tcp.analysis.initial_rtt</c> in tshark.
    /// </summary>
    public bool HasAnalysisRecord { get; init; }

    /// <summary><c>tcp.analysis.bytes_in_flight</c>: unacknowledged bytes in this direction after the packet; -1 when not shown.</summary>
    public long BytesInFlight { get; init; }

    /// <summary><c>tcp.window_size</c>: the window after scaling from the handshake (SYN windows are never scaled).</summary>
    public long ScaledWindow { get; init; }

    /// <summary>The sender's window scale shift: 0–14 from the handshake, -1 unknown, -2 no scaling negotiated.</summary>
    public int WindowScale { get; init; }

    public bool Has(TcpAnalysisFlags flag) => (Flags & flag) != 0;
}
