using SynAck.Stack;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Commands.Demo;

/// <summary>
/// One thing the demo's ladder shows, in the stack thread's order: a TCP segment SynAck sent or received, or one
/// of SynAck's state transitions.
/// </summary>
/// <param name="Time">Stack time.</param>
/// <param name="IsPacket">True for a segment, false for a transition.</param>
/// <param name="Outbound">Segment sent by SynAck (false: received).</param>
/// <param name="Flags">Segment flags.</param>
/// <param name="Seq">Segment sequence number.</param>
/// <param name="Ack">Segment acknowledgment number.</param>
/// <param name="Length">Payload bytes.</param>
/// <param name="SynAckEnd">SynAck's address:port.</param>
/// <param name="KernelEnd">The kernel's address:port.</param>
/// <param name="KernelPort">The kernel's port.</param>
/// <param name="From">Transition: state before.</param>
/// <param name="To">Transition: state after.</param>
/// <param name="Cause">Transition: why.</param>
public readonly record struct LadderEvent(
    Instant Time,
    bool IsPacket,
    bool Outbound,
    TcpFlags Flags,
    uint Seq,
    uint Ack,
    int Length,
    string SynAckEnd,
    string KernelEnd,
    ushort KernelPort,
    TcpState From,
    TcpState To,
    string Cause);
