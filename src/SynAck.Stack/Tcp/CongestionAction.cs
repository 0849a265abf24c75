namespace SynAck.Stack.Tcp;

/// <summary>What the congestion controller asks the sender to do after an acknowledgment.</summary>
public enum CongestionAction : byte
{
    /// <summary>Nothing beyond sending what the window now allows.</summary>
    None,

    /// <summary>Third duplicate ACK: retransmit the segment at SND.UNA now (RFC 5681 §3.2 step 2, RFC 6582 §3.2 step 2).</summary>
    FastRetransmit,

    /// <summary>Partial ACK during recovery: retransmit the first unacknowledged segment (RFC 6582 §3.2 step 5).</summary>
    RetransmitHead,
}
