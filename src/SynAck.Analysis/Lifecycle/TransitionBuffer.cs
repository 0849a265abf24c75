using System.Runtime.CompilerServices;

namespace SynAck.Analysis.Lifecycle;

/// <summary>Scratch space for the transitions one packet causes (side, from, to, cause, time), reused per packet.</summary>
[InlineArray(Capacity)]
public struct TransitionBuffer
{
    /// <summary>More than this many changes from one packet is impossible: each endpoint changes at most three times.</summary>
    public const int Capacity = 8;

    private PendingTransition _element;
}
