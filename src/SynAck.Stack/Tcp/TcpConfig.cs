namespace SynAck.Stack.Tcp;

/// <summary>Per-connection tunables. Defaults follow the RFCs; Linux's choices are noted where they differ.</summary>
public sealed record TcpConfig
{
    /// <summary>Bytes of user data a connection buffers for sending (in flight plus unsent).</summary>
    public int SendBufferSize { get; init; } = 256 * 1024;

    /// <summary>Bytes of received data a connection buffers: the largest window it offers.</summary>
    public int ReceiveBufferSize { get; init; } = 256 * 1024;

    /// <summary>Nagle's algorithm (RFC 9293 §3.7.4, RFC 896): hold small segments while data is unacknowledged.</summary>
    public bool Nagle { get; init; } = true;

    /// <summary>Delayed acknowledgments (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2).</summary>
    public bool DelayedAck { get; init; } = true;

    /// <summary>How long an ACK may be delayed; RFC 9293 §3.8.6.3 requires less than 0.5 s (Linux: 40 ms minimum).</summary>
    public TimeSpan AckDelay { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Lower bound of the RTO: RFC 6298 §2.4 says 1 s; Linux uses 200 ms.</summary>
    public TimeSpan MinRto { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the RTO (RFC 6298 §2.5).</summary>
    public TimeSpan MaxRto { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>RTO before the first RTT sample (RFC 6298 §2.1).</summary>
    public TimeSpan InitialRto { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Retransmissions of one segment before the connection is aborted (RFC 9293 §3.8.3, R2).</summary>
    public int MaxRetransmissions { get; init; } = 12;

    /// <summary>Retransmissions of a SYN or SYN-ACK before the open fails (RFC 9293 §3.8.3, R2 for SYNs).</summary>
    public int MaxSynRetransmissions { get; init; } = 6;

    /// <summary>Maximum segment lifetime; TIME-WAIT lasts 2·MSL (RFC 9293 §3.4.2). RFC 9293 suggests 2 min; 30 s gives Linux's 60 s TIME-WAIT.</summary>
    public TimeSpan Msl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a fully closed connection waits in FIN-WAIT-2 for the peer's FIN (Linux tcp_fin_timeout: 60 s); null waits forever.</summary>
    public TimeSpan? FinWait2Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Offer the timestamps option (RFC 7323 §3) for RTT measurement and PAWS.</summary>
    public bool Timestamps { get; init; } = true;

    /// <summary>Offer SACK-permitted and report out-of-order blocks in ACKs (RFC 2018; the sender ignores the peer's blocks).</summary>
    public bool Sack { get; init; } = true;

    /// <summary>Offer the window scale option (RFC 7323 §2).</summary>
    public bool WindowScaling { get; init; } = true;

    /// <summary>Challenge ACKs a stack sends per second at most (RFC 5961 §7; Linux's historical default is 1000).</summary>
    public int ChallengeAckLimitPerSecond { get; init; } = 1000;
}
