using SynAck.Wire.Tcp;

namespace SynAck.Wire.Tests.Tcp;

public sealed class SackBlocksTests
{
    [Fact]
    public void SackBlocks_AddFour_HoldsThemInOrder()
    {
        var b = default(SackBlocks);
        for (uint i = 1; i <= 4; i++)
        {
            b = b.Add(new SeqNumber(i * 10), new SeqNumber((i * 10) + 5));
        }

        Assert.Equal(4, b.Count);
        Assert.Equal((new SeqNumber(30), new SeqNumber(35)), b[2]);
        Assert.Equal("[10-15, 20-25, 30-35, 40-45]", b.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Add(new SeqNumber(1), new SeqNumber(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => default(SackBlocks)[0]);
    }

    [Fact]
    public void SackBlocks_Take_ComparesUsedBlocksOnly()
    {
        var b = default(SackBlocks).Add(new SeqNumber(1), new SeqNumber(2)).Add(new SeqNumber(3), new SeqNumber(4));
        var one = default(SackBlocks).Add(new SeqNumber(1), new SeqNumber(2));
        Assert.Equal(one, b.Take(1));
        Assert.NotEqual(one, b);
        Assert.Equal(one.GetHashCode(), b.Take(1).GetHashCode());
        Assert.True(default(SackBlocks).IsEmpty);
    }
}
