namespace SynAck.Analysis.Zeek;

/// <summary>Which of Zeek's timers removes a connection from the table (and so ends its conn.log row).</summary>
public enum ZeekRemovalCause : byte
{
    None = 0,

    /// <summary><c>tcp_close_delay</c> after both sides finished (or one reset).</summary>
    CloseDelay,

    /// <summary>Inactivity timeout (1 min during the handshake, <c>tcp_inactivity_timeout</c> after).</summary>
    Inactivity,

    /// <summary><c>tcp_attempt_delay</c> after an unanswered SYN.</summary>
    Attempt,

    /// <summary>The periodic expire timer after a half close or reset went quiet.</summary>
    Expire,
}
