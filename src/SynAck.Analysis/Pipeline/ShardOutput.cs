namespace SynAck.Analysis.Pipeline;

/// <summary>What one shard produced during one chunk: encoded record bytes and each record's key. Reused.</summary>
internal sealed class ShardOutput
{
    public BurstBuffer<byte> Bytes { get; } = new(64 * 1024);

    public BurstBuffer<EmittedRecord> Records { get; } = new(512);

    /// <summary>The shard's live connections when it finished the chunk.</summary>
    public int LiveConnections { get; set; }

    public void Reset()
    {
        Bytes.Reset();
        Records.Reset();
    }
}
