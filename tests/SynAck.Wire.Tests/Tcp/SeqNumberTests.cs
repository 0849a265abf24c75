using FsCheck.Xunit;
using SynAck.Wire.Tcp;

namespace SynAck.Wire.Tests.Tcp;

public sealed class SeqNumberTests
{
    [Fact]
    public void SeqNumber_AddPastMax_Wraps()
    {
        Assert.Equal(new SeqNumber(4), new SeqNumber(0xFFFF_FFFE).Add(6u));
        Assert.Equal(new SeqNumber(0xFFFF_FFFF), new SeqNumber(1).Add(-2));
    }

    [Fact]
    public void SeqNumber_AcrossWrap_IsBeforeHolds()
    {
        var before = new SeqNumber(0xFFFF_FFF0);
        var after = new SeqNumber(0x10);
        Assert.True(before.IsBefore(after));
        Assert.False(after.IsBefore(before));
        Assert.Equal(0x20, after.DistanceFrom(before));
        Assert.Equal(after, SeqNumber.Max(before, after));
        Assert.Equal(before, SeqNumber.Min(before, after));
    }

    [Fact]
    public void SeqNumber_EmptyRange_HoldsNothing()
    {
        var s = new SeqNumber(7);
        Assert.False(s.InRange(s, s));
        Assert.False(s.InWindow(s, 0));
        Assert.True(s.InWindow(s, 1));
    }

    [Property]
    public bool IsBefore_IsAntisymmetric_Property(uint a, uint b)
    {
        var x = new SeqNumber(a);
        var y = new SeqNumber(b);
        return a == b || a - b == 0x8000_0000u || x.IsBefore(y) != y.IsBefore(x);
    }

    [Property]
    public bool InRange_MatchesSixtyFourBitModel_Property(uint start, ushort length, uint probe)
    {
        // Reference: unroll the wrap with 64-bit integers.
        ulong s = start;
        ulong e = s + length;
        ulong p = probe < start ? probe + 0x1_0000_0000UL : probe;
        var expected = p >= s && p < e;
        return new SeqNumber(probe).InRange(new SeqNumber(start), new SeqNumber(start).Add((uint)length)) == expected;
    }
}
