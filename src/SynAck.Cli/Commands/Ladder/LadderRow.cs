using SynAck.Analysis.Lifecycle;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Commands.Ladder;

/// <summary>One packet of a ladder diagram, with both endpoints' inferred RFC 9293 states after it.</summary>
public sealed record LadderRow(
    long Frame,
    long TimestampNanos,
    int TimestampDigits,
    bool FromOriginator,
    TcpFlags Flags,
    uint Seq,
    uint Ack,
    ulong RelativeSeq,
    ulong RelativeAck,
    int PayloadLength,
    TcpState OrigState,
    TcpState RespState,
    IReadOnlyList<StateTransition> Transitions);
