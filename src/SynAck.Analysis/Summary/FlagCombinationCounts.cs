using System.Runtime.CompilerServices;

namespace SynAck.Analysis.Summary;

/// <summary>Packet counts indexed by the 9 TCP flag bits (512 combinations), kept inline.</summary>
[InlineArray(512)]
internal struct FlagCombinationCounts
{
    private long _element;
}
