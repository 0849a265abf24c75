namespace SynAck.Analysis.Summary;

/// <summary>Order statistics of a sample (nearest-rank method), in the sample's unit; all zero when empty.</summary>
public sealed record Percentiles(long Count, long Min, long P50, long P90, long P99, long Max)
{
    /// <summary>Computes from <paramref name="values"/> (sorted in place).</summary>
    public static Percentiles Of(List<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0, 0);
        }

        values.Sort();
        return new Percentiles(values.Count, values[0], Rank(values, 50), Rank(values, 90), Rank(values, 99), values[^1]);
    }

    /// <summary>The nearest-rank <paramref name="p"/>-th percentile of a sorted, non-empty list.</summary>
    internal static long Rank(List<long> sorted, int p)
    {
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
