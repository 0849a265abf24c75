using SynAck.Stack.Links;

namespace SynAck.Stack.Tests.Links;

public sealed class ImpairedLinkTests
{
    [Fact]
    public void ImpairedLink_FullLoss_DropsEverything()
    {
        var (a, b) = SimulatedLink.CreatePair(TimeSpan.Zero);
        var lossy = new ImpairedLink(a, new ImpairmentOptions { Loss = 1.0 });
        lossy.Send([1], Instant.Zero);
        Assert.False(b.TryReceive(new byte[10], Instant.Zero, out _));
        Assert.Equal(1, lossy.Dropped);
    }

    [Fact]
    public void ImpairedLink_FullDuplication_DeliversTwice()
    {
        var (a, b) = SimulatedLink.CreatePair(TimeSpan.Zero);
        var dup = new ImpairedLink(b, new ImpairmentOptions { Duplicate = 1.0, Directions = ImpairmentDirections.Inbound });
        a.Send([7], Instant.Zero);
        var buf = new byte[10];
        Assert.True(dup.TryReceive(buf, Instant.Zero, out _));
        Assert.True(dup.TryReceive(buf, Instant.Zero, out _));
        Assert.False(dup.TryReceive(buf, Instant.Zero, out _));
    }

    [Fact]
    public void ImpairedLink_Reorder_LaterPacketOvertakes()
    {
        var (a, b) = SimulatedLink.CreatePair(TimeSpan.Zero);
        var link = new ImpairedLink(a, new ImpairmentOptions { Reorder = 1.0, ReorderDelay = TimeSpan.FromMilliseconds(5) });
        link.Send([1], Instant.Zero);
        Assert.Equal(Instant.FromMilliseconds(5), link.PollAt);
        var plain = new byte[10];
        Assert.False(b.TryReceive(plain, Instant.Zero, out _));
        link.TryReceive(plain, Instant.FromMilliseconds(5), out _);
        Assert.True(b.TryReceive(plain, Instant.FromMilliseconds(5), out var n));
        Assert.Equal(1, plain[0]);
        Assert.Equal(1, n);
    }

    [Fact]
    public void ImpairedLink_Corrupt_FlipsExactlyOneBit()
    {
        var (a, b) = SimulatedLink.CreatePair(TimeSpan.Zero);
        var link = new ImpairedLink(a, new ImpairmentOptions { Corrupt = 1.0, Seed = 42 });
        var original = new byte[] { 0, 0, 0, 0, 0, 0, 0, 0 };
        link.Send(original, Instant.Zero);
        var buf = new byte[10];
        Assert.True(b.TryReceive(buf, Instant.Zero, out var n));
        var bits = 0;
        for (var i = 0; i < n; i++)
        {
            bits += System.Numerics.BitOperations.PopCount(buf[i]);
        }

        Assert.Equal(1, bits);
        Assert.Equal(1, link.Corrupted);
    }

    [Fact]
    public void ImpairedLink_SameSeed_SameDecisions()
    {
        static long Run(int seed)
        {
            var (a, _) = SimulatedLink.CreatePair(TimeSpan.Zero);
            var link = new ImpairedLink(a, new ImpairmentOptions { Loss = 0.3, Seed = seed });
            for (var i = 0; i < 1000; i++)
            {
                link.Send([1], Instant.Zero);
            }

            return link.Dropped;
        }

        Assert.Equal(Run(5), Run(5));
        Assert.InRange(Run(5), 200, 400);
    }
}
