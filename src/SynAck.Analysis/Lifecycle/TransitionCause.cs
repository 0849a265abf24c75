namespace SynAck.Analysis.Lifecycle;

/// <summary>Why an endpoint's inferred RFC 9293 state changed.</summary>
public enum TransitionCause : byte
{
    /// <summary>The endpoint sent a SYN (active open, RFC 9293 §3.10.1).</summary>
    SynSent,

    /// <summary>A SYN arrived for an endpoint not seen before: a listener is inferred.</summary>
    ListenerInferred,

    /// <summary>The endpoint answered a SYN with SYN+ACK.</summary>
    SynAckSent,

    /// <summary>The endpoint received a SYN while in SYN-SENT (simultaneous open, §3.5).</summary>
    SimultaneousOpen,

    /// <summary>Its SYN was acknowledged (SYN+ACK received in SYN-SENT, or the third ACK in SYN-RECEIVED).</summary>
    SynAcknowledged,

    /// <summary>The endpoint sent a FIN.</summary>
    FinSent,

    /// <summary>Its FIN was acknowledged (ACK = FIN seq + 1 or beyond).</summary>
    FinAcknowledged,

    /// <summary>It acknowledged the peer's FIN, showing the FIN arrived.</summary>
    FinReceived,

    /// <summary>It sent an acceptable RST.</summary>
    RstSent,

    /// <summary>It received an acceptable RST.</summary>
    RstReceived,

    /// <summary>It answered with RST+ACK, showing no listener (closed port).</summary>
    RefusedAsClosed,

    /// <summary>TIME-WAIT ended after 2·MSL.</summary>
    TimeWaitExpired,

    /// <summary>Both sides exchange acknowledgments without a handshake in the capture: both synchronized.</summary>
    MidstreamInferred,

    /// <summary>A SYN went unanswered until the attempt timeout: the opener gave up.</summary>
    AttemptTimedOut,
}
