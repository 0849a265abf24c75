using SynAck.Analysis.Lifecycle;

namespace SynAck.Cli.Output;

/// <summary>A packet's connection uid and the state transitions it caused (empty uid: not tracked).</summary>
public readonly ref struct PacketConnection(string? uid, ReadOnlySpan<StateTransition> transitions)
{
    public string? Uid { get; } = uid;

    public ReadOnlySpan<StateTransition> Transitions { get; } = transitions;
}
