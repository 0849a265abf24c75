using FsCheck.Xunit;
using SynAck.Analysis.Summary;

namespace SynAck.Analysis.Tests.Summary;

public class PercentileSampleTests
{
    /// <summary>Up to its capacity the sample keeps every value: the percentiles are those of the whole list.</summary>
    [Property(MaxTest = 300)]
    public bool WithinCapacity_PercentilesAreExactProperty(long[] values, byte extra)
    {
        var sample = new PercentileSample(values.Length + extra % 4 + 1);
        foreach (var v in values)
        {
            sample.Add(v);
        }

        Assert.True(sample.IsExact);
        Assert.Equal(Percentiles.Of([.. values]), sample.ToPercentiles());
        return true;
    }

    [Fact]
    public void Empty_IsAllZero() => Assert.Equal(new Percentiles(0, 0, 0, 0, 0, 0), new PercentileSample().ToPercentiles());

    [Fact]
    public void PastCapacity_CountMinMaxExact_PercentilesFromAUniformSample()
    {
        // 200,000 values 1..200,000 in a scrambled order, 2,000 kept: the nearest-rank percentiles of the sample are
        // within a percent of the range of the true ones (the 50th: 100,000), and the same on every run.
        var sample = new PercentileSample(2_000);
        var again = new PercentileSample(2_000);
        for (long i = 0; i < 200_000; i++)
        {
            var v = (i * 7_919 % 200_000) + 1;
            sample.Add(v);
            again.Add(v);
        }

        var p = sample.ToPercentiles();

        Assert.False(sample.IsExact);
        Assert.Equal((200_000L, 1L, 200_000L), (p.Count, p.Min, p.Max));
        Assert.InRange(p.P50, 98_000, 102_000);
        Assert.InRange(p.P90, 178_000, 182_000);
        Assert.InRange(p.P99, 196_000, 200_000);
        Assert.Equal(p, again.ToPercentiles());
    }

    [Fact]
    public void PastCapacity_LateValuesStillEnterTheSample()
    {
        // 10,000 zeros then 10,000 ones, 1,000 kept: about half the sample must be ones (a reservoir that stopped
        // at its capacity would hold zeros only and report a median of 0).
        var sample = new PercentileSample(1_000);
        for (var i = 0; i < 20_000; i++)
        {
            sample.Add(i < 10_000 ? 0 : 1);
        }

        var p = sample.ToPercentiles();

        Assert.Equal(1, p.P90);
        Assert.Equal(1, p.Max);
        Assert.Equal(0, p.Min);
    }
}
