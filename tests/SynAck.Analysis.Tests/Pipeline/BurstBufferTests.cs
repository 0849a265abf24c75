using FsCheck.Xunit;
using SynAck.Analysis.Pipeline;

namespace SynAck.Analysis.Tests.Pipeline;

/// <summary>
/// A shard's output buffer: whatever is written, in whatever pieces, reads back the same across its own block and
/// the burst blocks it grows into, and a reset starts it empty again.
/// </summary>
public class BurstBufferTests
{
    [Property(MaxTest = 100)]
    public bool BurstBuffer_AnyWrites_ReadBackAsWritten(byte[] pieces)
    {
        // Piece sizes up to 255 KiB over a 1 KiB own block: most runs grow into burst blocks, some several times.
        using var buffer = new BurstBuffer<byte>(1024);
        var expected = new List<byte>();
        var value = (byte)1;
        foreach (var p in pieces)
        {
            var length = (p * 1024) + 1;
            var span = buffer.GetSpan(length);
            if (span.Length < length)
            {
                return false;
            }

            span[..length].Fill(value);
            buffer.Advance(length);
            expected.AddRange(Enumerable.Repeat(value, length));
            value = (byte)(value % 251 + 1);
        }

        return buffer.Count == expected.Count && buffer.Written.SequenceEqual(expected.ToArray());
    }

    [Fact]
    public void BurstBuffer_RecordsPastItsOwnBlock_KeepOrderAndResetEmpties()
    {
        using var buffer = new BurstBuffer<EmittedRecord>(4);
        for (var round = 0; round < 2; round++)
        {
            // 200,000 records of 32 bytes: 6.4 MB, grown through 2, 4 and 8 MiB burst blocks.
            for (var i = 0; i < 200_000; i++)
            {
                buffer.Add(new EmittedRecord(i, -i, i * 3, 7, -1, (byte)(i % 3)));
            }

            Assert.Equal(200_000, buffer.Count);
            var written = buffer.Written;
            Assert.Equal(new EmittedRecord(0, 0, 0, 7, -1, 0), written[0]);
            Assert.Equal(new EmittedRecord(123_457, -123_457, 370_371, 7, -1, 1), written[123_457]);
            Assert.Equal(new EmittedRecord(199_999, -199_999, 599_997, 7, -1, 1), written[^1]);
            buffer.Reset();
            Assert.Equal(0, buffer.Count);
            Assert.True(buffer.Written.IsEmpty);
        }
    }

    [Fact]
    public void BurstBuffer_MemoryAndSpan_AreTheSameBytes()
    {
        using var buffer = new BurstBuffer<byte>(16);
        var memory = buffer.GetMemory(3 << 20);
        Assert.True(memory.Length >= 3 << 20);
        memory.Span[..5].Fill(42);
        using (var pin = memory.Pin())
        {
            buffer.Advance(5);
        }

        Assert.Equal(new byte[] { 42, 42, 42, 42, 42 }, buffer.Written.ToArray());
        Assert.Equal(memory.Length - 5, buffer.GetSpan().Length);
    }

    [Fact]
    public void BurstBuffer_AdvancePastItsSpace_Throws()
    {
        using var buffer = new BurstBuffer<byte>(16);
        var room = buffer.GetSpan().Length;
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(room + 1));
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void BurstBuffer_Disposed_RefusesToGrow()
    {
        var buffer = new BurstBuffer<byte>(16);
        buffer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan(1));
    }
}
