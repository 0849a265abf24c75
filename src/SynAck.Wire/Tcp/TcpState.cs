namespace SynAck.Wire.Tcp;

/// <summary>
/// The connection states of RFC 9293 §3.3.2, shared by the analyzer (inferred from the wire) and the stack
/// (its own TCBs). <see cref="TcpStateNames"/> gives the spellings.
/// </summary>
public enum TcpState : byte
{
    Closed = 0,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
}
