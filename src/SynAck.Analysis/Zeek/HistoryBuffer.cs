using System.Runtime.CompilerServices;

namespace SynAck.Analysis.Zeek;

/// <summary>Inline storage for the history letters (no heap allocation per connection).</summary>
[InlineArray(Capacity)]
internal struct HistoryBuffer
{
    /// <summary>Letters kept; Zeek's rules (each letter once per direction, logarithmic repeats) stay far below this.</summary>
    public const int Capacity = 64;

    private byte _element;
}
