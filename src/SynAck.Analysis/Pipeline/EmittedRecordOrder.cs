namespace SynAck.Analysis.Pipeline;

/// <summary>The canonical output order of <see cref="EmittedRecord"/> (<see cref="EmittedRecord.Compare"/>).</summary>
internal static class EmittedRecordOrder
{
    /// <summary>The order as a cached delegate, for <c>Span.Sort</c> without an allocation per call.</summary>
    public static readonly Comparison<EmittedRecord> Comparison = (a, b) => EmittedRecord.Compare(a, b);

    /// <summary>True when <paramref name="records"/> is already in canonical order (the usual case: only a sweep or the flush emits by slot).</summary>
    public static bool IsSorted(ReadOnlySpan<EmittedRecord> records)
    {
        for (var i = 1; i < records.Length; i++)
        {
            if (EmittedRecord.Compare(records[i - 1], records[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
