namespace SynAck.Analysis.Pipeline;

/// <summary>The canonical output order of <see cref="EmittedRecord"/> as a struct comparer, so sorting is specialised and inlined.</summary>
internal readonly struct EmittedRecordOrder : IComparer<EmittedRecord>
{
    public int Compare(EmittedRecord x, EmittedRecord y) => EmittedRecord.Compare(x, y);

    /// <summary>True when <paramref name="records"/> is already in canonical order (the usual case with one shard).</summary>
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
