using System.Buffers;

namespace SynAck.Analysis.Pipeline;

/// <summary>What one shard produced during one chunk: encoded record bytes and each record's key. Reused.</summary>
internal sealed class ShardOutput
{
    public ArrayBufferWriter<byte> Bytes { get; } = new(64 * 1024);

    public List<EmittedRecord> Records { get; } = [];

    /// <summary>The shard's live connections when it finished the chunk.</summary>
    public int LiveConnections { get; set; }

    public void Reset()
    {
        Bytes.ResetWrittenCount();
        Records.Clear();
    }
}
