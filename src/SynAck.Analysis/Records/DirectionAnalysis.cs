namespace SynAck.Analysis.Records;

/// <summary>
/// One direction's sequence analysis over a connection (docs/conn-schema.md): packets this endpoint sent that
/// Wireshark's rules flag as retransmissions (fast and spurious included), duplicate ACKs, zero windows and
/// out-of-order segments, and the ACK RTT of this endpoint's data: from a data segment to the peer's ACK that
/// covers it exactly, at the capture point (Wireshark's <c>tcp.analysis.ack_rtt</c>). Times in nanoseconds;
/// the RTT statistics are null when there was no sample.
/// </summary>
public readonly record struct DirectionAnalysis
{
    public long Retransmissions { get; init; }

    public long DuplicateAcks { get; init; }

    public long ZeroWindows { get; init; }

    public long OutOfOrder { get; init; }

    /// <summary>Number of ACK RTT samples.</summary>
    public long RttSamples { get; init; }

    public long? RttMinNanos { get; init; }

    public long? RttAvgNanos { get; init; }

    public long? RttMaxNanos { get; init; }

    /// <summary>Population standard deviation of the samples.</summary>
    public long? RttStdevNanos { get; init; }
}
