using System.Buffers;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// The buffer a shard's record encoder writes to: forwards to the current chunk's output, so one encoder instance
/// (created once per shard over this writer) fills a different buffer for each chunk.
/// </summary>
internal sealed class ShardBufferWriter : IBufferWriter<byte>
{
    public BurstBuffer<byte> Target { get; set; } = new(0);

    public void Advance(int count) => Target.Advance(count);

    public Memory<byte> GetMemory(int sizeHint = 0) => Target.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Target.GetSpan(sizeHint);
}
