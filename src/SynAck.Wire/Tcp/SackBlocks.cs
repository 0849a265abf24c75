namespace SynAck.Wire.Tcp;

/// <summary>
/// Up to four SACK blocks (RFC 2018 §3: left edge, right edge) held inline, so a <see cref="TcpRepr"/> stays an
/// unmanaged value. Equality compares the used blocks only.
/// </summary>
public readonly struct SackBlocks : IEquatable<SackBlocks>
{
    /// <summary>At most four blocks fit in 40 bytes of options (RFC 2018 §3).</summary>
    public const int Capacity = 4;

    private readonly uint _l0, _r0, _l1, _r1, _l2, _r2, _l3, _r3;
    private readonly byte _count;

    private SackBlocks(SackBlocks b, int index, uint left, uint right)
    {
        this = b;
        switch (index)
        {
            case 0: _l0 = left; _r0 = right; break;
            case 1: _l1 = left; _r1 = right; break;
            case 2: _l2 = left; _r2 = right; break;
            default: _l3 = left; _r3 = right; break;
        }

        _count = (byte)(index + 1);
    }

    /// <summary>Number of blocks, 0 to 4.</summary>
    public int Count => _count;

    /// <summary>True when there are no blocks.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>The block at <paramref name="index"/> (0 = first on the wire).</summary>
    public (SeqNumber Left, SeqNumber Right) this[int index]
    {
        get
        {
            if ((uint)index >= _count)
            {
                ThrowHelper.ThrowArgumentOutOfRange(nameof(index), "No SACK block at this index.");
            }

            return index switch
            {
                0 => (new(_l0), new(_r0)),
                1 => (new(_l1), new(_r1)),
                2 => (new(_l2), new(_r2)),
                _ => (new(_l3), new(_r3)),
            };
        }
    }

    /// <summary>A copy with one more block; throws when four are already held.</summary>
    public SackBlocks Add(SeqNumber left, SeqNumber right)
    {
        if (_count >= Capacity)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(left), "At most four SACK blocks.");
        }

        return new SackBlocks(this, _count, left.Value, right.Value);
    }

    /// <summary>The first <paramref name="count"/> blocks.</summary>
    public SackBlocks Take(int count)
    {
        var r = default(SackBlocks);
        for (var i = 0; i < Math.Min(count, _count); i++)
        {
            var (l, rt) = this[i];
            r = r.Add(l, rt);
        }

        return r;
    }

    public bool Equals(SackBlocks other)
    {
        if (_count != other._count)
        {
            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            if (this[i] != other[i])
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is SackBlocks other && Equals(other);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(_count);
        for (var i = 0; i < _count; i++)
        {
            h.Add(this[i]);
        }

        return h.ToHashCode();
    }

    public static bool operator ==(SackBlocks left, SackBlocks right) => left.Equals(right);

    public static bool operator !=(SackBlocks left, SackBlocks right) => !left.Equals(right);

    public override string ToString()
    {
        var parts = new string[_count];
        for (var i = 0; i < _count; i++)
        {
            parts[i] = $"{this[i].Left}-{this[i].Right}";
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}
