using System.Runtime.CompilerServices;
using SynAck.Analysis.Flows;

namespace SynAck.Analysis.Tracking;

/// <summary>
/// The flow table's index: <see cref="FlowKey"/> to slot number, open addressing with linear probing and
/// backward-shift deletion (no tombstones, so lookups stay short however many connections come and go), at most
/// half full. Hand-written because <c>Dictionary&lt;FlowKey, int&gt;</c> lookups were about 7 % of a whole run
/// (comparer call, bucket-then-entry indirection, modulo); here a lookup is one multiply, a masked index and
/// usually one key comparison, with keys, hashes and slots in flat arrays. Allocation-free except when it grows.
/// </summary>
internal sealed class FlowTable
{
    private const int InitialCapacity = 2048;
    private FlowKey[] _keys = new FlowKey[InitialCapacity];
    private int[] _hashes = new int[InitialCapacity];

    // Slot number + 1; 0 marks an empty entry.
    private int[] _slots = new int[InitialCapacity];
    private int _mask = InitialCapacity - 1;
    private int _shift = 32 - 11;

    /// <summary>Keys in the table.</summary>
    public int Count { get; private set; }

    /// <summary>Sets the slot of <paramref name="key"/>, adding the key when absent.</summary>
    public int this[FlowKey key]
    {
        set => Set(key, value);
    }

    public bool TryGetValue(in FlowKey key, out int slot)
    {
        var hash = key.GetHashCode();
        var i = Home(hash);
        while (true)
        {
            var s = _slots[i];
            if (s == 0)
            {
                slot = -1;
                return false;
            }

            if (_hashes[i] == hash && _keys[i].Equals(key))
            {
                slot = s - 1;
                return true;
            }

            i = (i + 1) & _mask;
        }
    }

    public bool Remove(in FlowKey key)
    {
        var hash = key.GetHashCode();
        var i = Home(hash);
        while (true)
        {
            if (_slots[i] == 0)
            {
                return false;
            }

            if (_hashes[i] == hash && _keys[i].Equals(key))
            {
                break;
            }

            i = (i + 1) & _mask;
        }

        // Backward shift: pull every following entry of the probe run that may live at i (its home is not in
        // (i, j]) into the hole, so no lookup ever has to step over a deleted entry.
        var j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            if (_slots[j] == 0)
            {
                break;
            }

            var home = Home(_hashes[j]);
            if (((j - home) & _mask) >= ((j - i) & _mask))
            {
                _keys[i] = _keys[j];
                _hashes[i] = _hashes[j];
                _slots[i] = _slots[j];
                i = j;
            }
        }

        _slots[i] = 0;
        _keys[i] = default;
        Count--;
        return true;
    }

    private void Set(in FlowKey key, int slot)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var hash = key.GetHashCode();
        var i = Home(hash);
        while (_slots[i] != 0)
        {
            if (_hashes[i] == hash && _keys[i].Equals(key))
            {
                _slots[i] = slot + 1;
                return;
            }

            i = (i + 1) & _mask;
        }

        _keys[i] = key;
        _hashes[i] = hash;
        _slots[i] = slot + 1;
        Count++;
    }

    /// <summary>Fibonacci hashing: the top bits of hash × 2^32/φ, so similar hashes spread over the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> _shift);

    private void Grow()
    {
        var keys = _keys;
        var hashes = _hashes;
        var slots = _slots;
        var capacity = slots.Length * 2;
        _keys = new FlowKey[capacity];
        _hashes = new int[capacity];
        _slots = new int[capacity];
        _mask = capacity - 1;
        _shift--;
        for (var k = 0; k < slots.Length; k++)
        {
            if (slots[k] == 0)
            {
                continue;
            }

            var i = Home(hashes[k]);
            while (_slots[i] != 0)
            {
                i = (i + 1) & _mask;
            }

            _keys[i] = keys[k];
            _hashes[i] = hashes[k];
            _slots[i] = slots[k];
        }
    }
}
