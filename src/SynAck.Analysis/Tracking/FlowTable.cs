using System.Runtime.CompilerServices;
using SynAck.Analysis.Flows;

namespace SynAck.Analysis.Tracking;

/// <summary>
/// The flow table's index: <see cref="FlowKey"/> to slot number, open addressing with linear probing and
/// backward-shift deletion (no tombstones, so lookups stay short however many connections come and go), at most
/// half full. Hand-written because <c>Dictionary&lt;FlowKey, int&gt;</c> lookups were about 7 % of a whole run
/// (comparer call, bucket-then-entry indirection, modulo).
/// <para>
/// An entry is 8 bytes, the key's hash and the slot: the key itself is compared in the slot
/// (<see cref="ConnectionState.Key"/>), whose lines the segment's analysis reads next anyway, and which a matching
/// hash prefetches whole. With 64-byte entries holding the key, 14,000 live connections needed a 2 MiB table, more
/// than the core's cache, and the probe was a miss (8.6 % of a run, the largest single share); at 8 bytes the table is
/// 256 KiB. Allocation-free except when it grows.
/// </para>
/// </summary>
internal sealed class FlowTable(SlotBlocks<ConnectionState> slots)
{
    private const int InitialCapacity = 2048;
    private Entry[] _entries = new Entry[InitialCapacity];
    private int _mask = InitialCapacity - 1;
    private int _shift = 32 - 11;

    /// <summary>Keys in the table.</summary>
    public int Count { get; private set; }

    /// <summary>Sets the slot of <paramref name="key"/> (the key of that slot's state), adding the key when absent.</summary>
    public int this[FlowKey key]
    {
        set => Set(key, key.GetHashCode(), value);
    }

    /// <summary>Sets the slot of <paramref name="key"/>, whose hash is <paramref name="hash"/>, adding the key when absent.</summary>
    public void Add(in FlowKey key, int hash, int slot) => Set(key, hash, slot);

    public bool TryGetValue(in FlowKey key, out int slot) => TryGetValue(key, key.GetHashCode(), out slot);

    /// <summary><see cref="TryGetValue(in FlowKey, out int)"/> with the key's hash already computed.</summary>
    public bool TryGetValue(in FlowKey key, int hash, out int slot)
    {
        var i = IndexOf(key, hash);
        slot = i < 0 ? -1 : _entries[i].Slot - 1;
        return i >= 0;
    }

    public bool Remove(in FlowKey key)
    {
        var i = IndexOf(key, key.GetHashCode());
        if (i < 0)
        {
            return false;
        }

        // Backward shift: pull every following entry of the probe run that may live at i (its home is not in
        // (i, j]) into the hole, so no lookup ever has to step over a deleted entry.
        var entries = _entries;
        var j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            if (entries[j].Slot == 0)
            {
                break;
            }

            var home = Home(entries[j].Hash);
            if (((j - home) & _mask) >= ((j - i) & _mask))
            {
                entries[i] = entries[j];
                i = j;
            }
        }

        entries[i] = default;
        Count--;
        return true;
    }

    private void Set(in FlowKey key, int hash, int slot)
    {
        if ((Count + 1) * 2 > _entries.Length)
        {
            Grow();
        }

        var existing = IndexOf(key, hash);
        if (existing >= 0)
        {
            _entries[existing].Slot = slot + 1;
            return;
        }

        var entries = _entries;
        var i = Home(hash);
        while (entries[i].Slot != 0)
        {
            i = (i + 1) & _mask;
        }

        entries[i] = new Entry { Hash = hash, Slot = slot + 1 };
        Count++;
    }

    /// <summary>
    /// The entry of <paramref name="key"/>, or -1. A slot whose hash matches is prefetched whole before its key is
    /// compared: the caller almost always goes on to read that connection's state.
    /// </summary>
    private int IndexOf(in FlowKey key, int hash)
    {
        var entries = _entries;
        var i = Home(hash);
        while (true)
        {
            var e = entries[i];
            if (e.Slot == 0)
            {
                return -1;
            }

            if (e.Hash == hash)
            {
                var candidate = e.Slot - 1;
                slots.Prefetch(candidate);
                if (slots[candidate].Key.Equals(key))
                {
                    return i;
                }
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Fibonacci hashing: the top bits of hash × 2^32/φ, so similar hashes spread over the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> _shift);

    private void Grow()
    {
        var old = _entries;
        var capacity = old.Length * 2;
        var entries = new Entry[capacity];
        _mask = capacity - 1;
        _shift--;
        for (var k = 0; k < old.Length; k++)
        {
            if (old[k].Slot == 0)
            {
                continue;
            }

            var i = Home(old[k].Hash);
            while (entries[i].Slot != 0)
            {
                i = (i + 1) & _mask;
            }

            entries[i] = old[k];
        }

        _entries = entries;
    }

    private struct Entry
    {
        public int Hash;

        // Slot number + 1; 0 marks an empty entry.
        public int Slot;
    }
}
