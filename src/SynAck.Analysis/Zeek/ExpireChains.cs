using System.Runtime.CompilerServices;

namespace SynAck.Analysis.Zeek;

/// <summary>Next firing times (ns) of Zeek's self-rescheduling <c>ExpireTimer</c> chains for one connection.</summary>
[InlineArray(Capacity)]
public struct ExpireChains
{
    /// <summary>Chains kept; further ones (one per non-final close) are folded into the earliest.</summary>
    public const int Capacity = 4;

    private long _element;
}
