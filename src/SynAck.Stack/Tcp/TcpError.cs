namespace SynAck.Stack.Tcp;

/// <summary>Why a connection ended other than by an orderly close.</summary>
public enum TcpError : byte
{
    None = 0,

    /// <summary>The peer answered the SYN with a RST (RFC 9293 §3.10.7.3: "connection refused").</summary>
    ConnectionRefused,

    /// <summary>The peer reset an established connection (RFC 9293 §3.10.7.4: "connection reset").</summary>
    ConnectionReset,

    /// <summary>Retransmissions were exhausted (RFC 9293 §3.8.3).</summary>
    TimedOut,

    /// <summary>The local user aborted the connection (RFC 9293 §3.10.5).</summary>
    Aborted,
}
