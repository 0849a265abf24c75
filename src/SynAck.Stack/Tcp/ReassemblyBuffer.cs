namespace SynAck.Stack.Tcp;

/// <summary>
/// The receive side's buffer (RFC 9293 §3.10.7.4, "segment text"): in-order bytes waiting for the user, followed
/// by out-of-order bytes placed at their offsets past RCV.NXT until the gap before them fills. One fixed ring holds
/// both, and the out-of-order ranges are kept as a short sorted list of disjoint, non-adjacent intervals, so
/// memory is bounded by the advertised window (what RFC 9293 §3.8.6 lets a peer send).
/// </summary>
public sealed class ReassemblyBuffer
{
    /// <summary>Most disjoint out-of-order ranges kept; a segment that would create more is dropped (the peer retransmits it).</summary>
    public const int MaxRanges = 32;

    private readonly byte[] _ring;
    private readonly (int Start, int End)[] _ranges = new (int, int)[MaxRanges];
    private int _rangeCount;
    private int _head;
    private int _readable;

    /// <param name="capacity">Bytes the buffer holds: the largest window it can ever offer.</param>
    public ReassemblyBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new byte[capacity];
    }

    /// <summary>Total capacity in bytes.</summary>
    public int Capacity => _ring.Length;

    /// <summary>In-order bytes ready for the user.</summary>
    public int Readable => _readable;

    /// <summary>Room past RCV.NXT: the receive window this buffer can offer.</summary>
    public int Window => _ring.Length - _readable;

    /// <summary>True while out-of-order bytes wait for a gap to fill.</summary>
    public bool HasGaps => _rangeCount > 0;

    /// <summary>The out-of-order ranges, as offsets past RCV.NXT ([start, end)).</summary>
    public ReadOnlySpan<(int Start, int End)> Ranges => _ranges.AsSpan(0, _rangeCount);

    /// <summary>
    /// Stores <paramref name="data"/> at <paramref name="offset"/> bytes past RCV.NXT (bytes beyond the window are
    /// cut) and returns how far RCV.NXT advances: the length of the newly contiguous run at offset 0, or 0.
    /// </summary>
    public int Write(int offset, ReadOnlySpan<byte> data)
    {
        if (offset < 0 || offset >= Window || data.IsEmpty)
        {
            return 0;
        }

        var n = Math.Min(data.Length, Window - offset);
        if (!AddRange(offset, offset + n))
        {
            return 0;
        }

        var start = (_head + _readable + offset) % _ring.Length;
        var first = Math.Min(n, _ring.Length - start);
        data[..first].CopyTo(_ring.AsSpan(start));
        data[first..n].CopyTo(_ring);

        if (_ranges[0].Start != 0)
        {
            return 0;
        }

        var advance = _ranges[0].End;
        RemoveRangeAt(0);
        for (var i = 0; i < _rangeCount; i++)
        {
            _ranges[i] = (_ranges[i].Start - advance, _ranges[i].End - advance);
        }

        _readable += advance;
        return advance;
    }

    /// <summary>Copies up to <c>dest.Length</c> in-order bytes to the user and frees their space; returns the count.</summary>
    public int Read(Span<byte> dest)
    {
        var n = Math.Min(dest.Length, _readable);
        var first = Math.Min(n, _ring.Length - _head);
        _ring.AsSpan(_head, first).CopyTo(dest);
        _ring.AsSpan(0, n - first).CopyTo(dest[first..]);
        _head = (_head + n) % _ring.Length;
        _readable -= n;
        if (_readable == 0 && _rangeCount == 0)
        {
            _head = 0;
        }

        return n;
    }

    private bool AddRange(int start, int end)
    {
        // Find the first range that ends at or after start (touching ranges merge).
        var i = 0;
        while (i < _rangeCount && _ranges[i].End < start)
        {
            i++;
        }

        // Merge every range that overlaps or touches [start, end).
        var j = i;
        while (j < _rangeCount && _ranges[j].Start <= end)
        {
            start = Math.Min(start, _ranges[j].Start);
            end = Math.Max(end, _ranges[j].End);
            j++;
        }

        var merged = j - i;
        if (merged == 0)
        {
            if (_rangeCount == MaxRanges)
            {
                return false;
            }

            Array.Copy(_ranges, i, _ranges, i + 1, _rangeCount - i);
            _rangeCount++;
        }
        else if (merged > 1)
        {
            Array.Copy(_ranges, j, _ranges, i + 1, _rangeCount - j);
            _rangeCount -= merged - 1;
        }

        _ranges[i] = (start, end);
        return true;
    }

    private void RemoveRangeAt(int i)
    {
        Array.Copy(_ranges, i + 1, _ranges, i, _rangeCount - i - 1);
        _rangeCount--;
    }
}
