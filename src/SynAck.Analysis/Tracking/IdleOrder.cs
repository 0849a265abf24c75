namespace SynAck.Analysis.Tracking;

/// <summary>
/// Which live connection has been idle longest, for the tracker's capacity eviction, without a scan of every slot
/// per new connection (at a full table under a SYN flood that scan made the tracker quadratic: 8,192 slots read for
/// each of tens of thousands of spoofed SYNs).
/// <para>
/// A lazy min-heap of (last packet time, slot, connection ordinal), kept only once the table has been full: an
/// entry is not updated when its connection sees a packet (that would cost every segment), but checked when it
/// reaches the top. Every live connection keeps at least one entry whose time is at or before its last packet's, so
/// an entry at the top whose time equals its connection's last packet time is the least (time, slot) pair of all
/// live connections: the same connection a scan for the oldest time, lowest slot first, would choose. Entries of
/// ended connections (ordinal mismatch) are dropped when they surface, and the heap is rebuilt from the live
/// connections when they make up less than half of it, so it stays bounded by the live connections.
/// </para>
/// </summary>
internal sealed class IdleOrder
{
    private Entry[] _heap = [];
    private int _count;

    /// <summary>True once <see cref="Rebuild"/> was called: the tracker then reports creations and time decreases.</summary>
    public bool Active { get; private set; }

    /// <summary>Entries held (live connections plus not yet dropped stale ones).</summary>
    public int Count => _count;

    /// <summary>Empties the heap and marks it active; the caller then adds every live connection.</summary>
    public void Rebuild()
    {
        Active = true;
        _count = 0;
    }

    /// <summary>Adds a connection's entry.</summary>
    public void Add(long time, int slot, long ordinal)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, Math.Max(1024, _heap.Length * 2));
        }

        var i = _count++;
        var e = new Entry(time, slot, ordinal);
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Less(e, _heap[parent]))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = e;
    }

    /// <summary>The least entry (time, then slot); false when empty.</summary>
    public bool TryPeek(out long time, out int slot, out long ordinal)
    {
        if (_count == 0)
        {
            (time, slot, ordinal) = (0, -1, 0);
            return false;
        }

        (time, slot, ordinal) = (_heap[0].Time, _heap[0].Slot, _heap[0].Ordinal);
        return true;
    }

    /// <summary>Removes the least entry.</summary>
    public void Pop()
    {
        var last = _heap[--_count];
        if (_count == 0)
        {
            return;
        }

        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Less(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Less(_heap[child], last))
            {
                break;
            }

            _heap[i] = _heap[child];
            i = child;
        }

        _heap[i] = last;
    }

    private static bool Less(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Slot < b.Slot);

    private readonly record struct Entry(long Time, int Slot, long Ordinal);
}
