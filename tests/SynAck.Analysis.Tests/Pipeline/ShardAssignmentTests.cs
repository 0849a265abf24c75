using SynAck.Analysis.Pipeline;

namespace SynAck.Analysis.Tests.Pipeline;

/// <summary>
/// The reading thread tracks shard 0 between reads, so shard 0 gets one part of the hash range and every worker's
/// shard two parts: with N shards, 1/(2N-1) and 2/(2N-1) of the connections.
/// </summary>
public sealed class ShardAssignmentTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    public void ShardOfHash_SpreadsHashesOneShareToShardZeroTwoToEveryOther(int shards)
    {
        const int Samples = 1 << 20;
        var counts = new int[shards];
        var x = 0x243F6A8885A308D3UL;
        for (var i = 0; i < Samples; i++)
        {
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            var shard = ConnPipeline.ShardOfHash((int)(x >> 32), shards);
            Assert.InRange(shard, 0, shards - 1);
            counts[shard]++;
        }

        var part = (double)Samples / ((2 * shards) - 1);
        Assert.InRange(counts[0], part * 0.98, part * 1.02);
        for (var s = 1; s < shards; s++)
        {
            Assert.InRange(counts[s], 2 * part * 0.98, 2 * part * 1.02);
        }
    }

    [Fact]
    public void ShardOfHash_CoversTheWholeHashRange()
    {
        Assert.Equal(0, ConnPipeline.ShardOfHash(0, 2));
        Assert.Equal(1, ConnPipeline.ShardOfHash(-1, 2));
        Assert.Equal(0, ConnPipeline.ShardOfHash(0, 1));
        Assert.Equal(0, ConnPipeline.ShardOfHash(-1, 1));
        Assert.Equal(3, ConnPipeline.ShardOfHash(-1, 4));
    }
}
