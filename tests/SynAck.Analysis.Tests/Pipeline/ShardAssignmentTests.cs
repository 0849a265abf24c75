using SynAck.Analysis.Pipeline;

namespace SynAck.Analysis.Tests.Pipeline;

/// <summary>
/// The reading thread tracks shard 0 between reads, so shard 0 gets one part of the hash range and every worker's
/// shard five parts: with N shards, 1/(5N-4) and 5/(5N-4) of the connections.
/// </summary>
public sealed class ShardAssignmentTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    public void ShardOfHash_SpreadsHashesOneShareToShardZeroFiveToEveryOther(int shards)
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

        var part = (double)Samples / ((5 * shards) - 4);
        Assert.InRange(counts[0], part * 0.97, part * 1.03);
        for (var s = 1; s < shards; s++)
        {
            Assert.InRange(counts[s], 5 * part * 0.98, 5 * part * 1.02);
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

        // With 2 shards the first sixth of the range is shard 0's.
        Assert.Equal(0, ConnPipeline.ShardOfHash(unchecked((int)0x2AAAAAAAu), 2));
        Assert.Equal(1, ConnPipeline.ShardOfHash(unchecked((int)0x2AAAAAACu), 2));
    }
}
