using SynAck.Stack.Links;

namespace SynAck.Stack.Tests.Links;

public sealed class SimulatedLinkTests
{
    [Fact]
    public void SimulatedLink_BeforeLatency_HoldsPacket()
    {
        var (a, b) = SimulatedLink.CreatePair(TimeSpan.FromMilliseconds(10));
        a.Send([1, 2, 3], Instant.Zero);
        var buf = new byte[100];
        Assert.False(b.TryReceive(buf, Instant.FromMilliseconds(9), out _));
        Assert.Equal(Instant.FromMilliseconds(10), b.PollAt);
        Assert.True(b.TryReceive(buf, Instant.FromMilliseconds(10), out var n));
        Assert.Equal(new byte[] { 1, 2, 3 }, buf[..n]);
        Assert.Equal(Instant.Never, b.PollAt);
    }

    [Fact]
    public void SimulatedLink_OverMtu_Drops()
    {
        var (a, b) = SimulatedLink.CreatePair(TimeSpan.Zero, mtu: 2);
        a.Send([1, 2, 3], Instant.Zero);
        Assert.False(b.TryReceive(new byte[10], Instant.Zero, out _));
    }
}
