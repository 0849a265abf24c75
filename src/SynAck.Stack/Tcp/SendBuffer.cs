namespace SynAck.Stack.Tcp;

/// <summary>
/// The bytes a connection has accepted from its user and not yet seen acknowledged (RFC 9293 §3.3.1, the
/// retransmission queue plus unsent data): a fixed-capacity ring, so memory is bounded and steady-state
/// operation does not allocate. Offset 0 is the byte at SND.UNA (or the first data byte before the SYN is acked).
/// </summary>
public sealed class SendBuffer
{
    private readonly byte[] _ring;
    private int _head;
    private int _length;

    /// <param name="capacity">Bytes the buffer holds.</param>
    public SendBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new byte[capacity];
    }

    /// <summary>Total capacity in bytes.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Bytes held (in flight plus not yet sent).</summary>
    public int Length => _length;

    /// <summary>Room for more user data.</summary>
    public int Free => _ring.Length - _length;

    /// <summary>Appends as much of <paramref name="data"/> as fits and returns how many bytes were taken.</summary>
    public int Enqueue(ReadOnlySpan<byte> data)
    {
        var n = Math.Min(data.Length, Free);
        var tail = (_head + _length) % _ring.Length;
        var first = Math.Min(n, _ring.Length - tail);
        data[..first].CopyTo(_ring.AsSpan(tail));
        data[first..n].CopyTo(_ring);
        _length += n;
        return n;
    }

    /// <summary>Copies up to <c>dest.Length</c> bytes starting <paramref name="offset"/> bytes after the head; returns the count.</summary>
    public int Peek(int offset, Span<byte> dest)
    {
        if (offset >= _length)
        {
            return 0;
        }

        var n = Math.Min(dest.Length, _length - offset);
        var start = (_head + offset) % _ring.Length;
        var first = Math.Min(n, _ring.Length - start);
        _ring.AsSpan(start, first).CopyTo(dest);
        _ring.AsSpan(0, n - first).CopyTo(dest[first..]);
        return n;
    }

    /// <summary>Drops <paramref name="count"/> acknowledged bytes from the head.</summary>
    public void Release(int count)
    {
        count = Math.Min(count, _length);
        _head = (_head + count) % _ring.Length;
        _length -= count;
    }
}
