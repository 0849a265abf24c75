namespace SynAck.Stack.Tcp;

/// <summary>The event that moved a connection from one state to another (RFC 9293 §3.3.2, Figure 5).</summary>
public enum TransitionCause : byte
{
    /// <summary>User OPEN, active: SYN sent.</summary>
    ActiveOpen,

    /// <summary>User OPEN, passive: listening.</summary>
    PassiveOpen,

    /// <summary>A SYN arrived in LISTEN.</summary>
    SynReceived,

    /// <summary>A SYN without ACK arrived in SYN-SENT (simultaneous open).</summary>
    SimultaneousOpen,

    /// <summary>A SYN-ACK acknowledging our SYN arrived in SYN-SENT.</summary>
    SynAckReceived,

    /// <summary>An ACK of our SYN arrived in SYN-RECEIVED.</summary>
    AckOfSyn,

    /// <summary>User CLOSE: our FIN is queued.</summary>
    Close,

    /// <summary>The peer's FIN arrived.</summary>
    FinReceived,

    /// <summary>The ACK of our FIN arrived.</summary>
    AckOfFin,

    /// <summary>The 2·MSL TIME-WAIT timer expired.</summary>
    TimeWaitExpired,

    /// <summary>The FIN-WAIT-2 timer expired.</summary>
    FinWait2Timeout,

    /// <summary>A valid RST arrived.</summary>
    ResetReceived,

    /// <summary>User ABORT.</summary>
    Abort,

    /// <summary>Retransmissions were exhausted.</summary>
    RetransmissionTimeout,

    /// <summary>A listening connection was closed by its user.</summary>
    ListenClosed,
}
