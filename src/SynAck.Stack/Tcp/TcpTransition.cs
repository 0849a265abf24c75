using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>One state change of one connection: when, which, from, to and why.</summary>
/// <param name="Time">Stack time of the change.</param>
/// <param name="Connection">The connection that changed.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Cause">The event that caused it.</param>
public readonly record struct TcpTransition(Instant Time, TcpConnection Connection, TcpState From, TcpState To, TransitionCause Cause)
{
    public override string ToString() =>
        $"{Time} {Connection} {From.ToRfcName()} -> {To.ToRfcName()} ({Cause})";
}
