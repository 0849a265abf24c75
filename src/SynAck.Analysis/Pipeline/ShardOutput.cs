using SynAck.Analysis.Records;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// What one shard produced during one hand-over: encoded record bytes, each record's key, and the record objects
/// when the run hands them to a callback. Reused; its buffers are native memory, freed by <see cref="Dispose"/>.
/// </summary>
internal sealed class ShardOutput : IDisposable
{
    public BurstBuffer<byte> Bytes { get; } = new(64 * 1024);

    public BurstBuffer<EmittedRecord> Records { get; } = new(512);

    /// <summary>The records kept for the callback (<see cref="EmittedRecord.Kept"/> indexes them).</summary>
    public List<ConnRecord> Kept { get; } = [];

    /// <summary>The shard's live connections when it finished the chunk.</summary>
    public int LiveConnections { get; set; }

    /// <summary>Keeps <paramref name="record"/> for the callback; its index for <see cref="EmittedRecord.Kept"/>.</summary>
    public int Keep(ConnRecord record)
    {
        Kept.Add(record);
        return Kept.Count - 1;
    }

    public void Reset()
    {
        Bytes.Reset();
        Records.Reset();
        Kept.Clear();
    }

    public void Dispose()
    {
        Bytes.Dispose();
        Records.Dispose();
    }
}
