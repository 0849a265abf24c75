using System.Runtime.CompilerServices;

namespace SynAck.Analysis.Zeek;

/// <summary>Inline storage for out-of-order data ranges (only ranges are kept; payload is never copied).</summary>
[InlineArray(Capacity)]
public struct BlockRanges
{
    /// <summary>Ranges kept; when full the two closest ranges are merged (documented approximation).</summary>
    public const int Capacity = 8;

    private BlockRange _element;
}
