using System.Buffers;

namespace SynAck.Cli.Common;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over a stream for the analysis library's UTF-8 writers: bytes collect in one
/// reusable buffer that is written to the stream whenever it passes 64 KiB, and on <see cref="Flush"/>. The stream
/// is not closed (it is standard output).
/// </summary>
public sealed class StreamBufferWriter(Stream stream) : IBufferWriter<byte>
{
    private const int FlushThreshold = 1 << 16;
    private byte[] _buffer = new byte[FlushThreshold * 2];
    private int _count;

    public void Advance(int count)
    {
        _count += count;
        if (_count >= FlushThreshold)
        {
            Flush();
        }
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_count);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_count);
    }

    /// <summary>Writes what is buffered to the stream and flushes it.</summary>
    public void Flush()
    {
        if (_count > 0)
        {
            stream.Write(_buffer, 0, _count);
            _count = 0;
        }

        stream.Flush();
    }

    private void Ensure(int sizeHint)
    {
        var need = Math.Max(sizeHint, 1);
        if (_buffer.Length - _count >= need)
        {
            return;
        }

        if (_count > 0)
        {
            stream.Write(_buffer, 0, _count);
            _count = 0;
        }

        if (_buffer.Length < need)
        {
            _buffer = new byte[need];
        }
    }
}
