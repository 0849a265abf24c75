using System.Runtime.CompilerServices;

namespace SynAck.Analysis.Tracking;

/// <summary>
/// The tracker's per-connection slots (<see cref="ConnectionState"/>, and the optional per-connection analyses),
/// stored by value in fixed-size blocks: growing adds a block instead of copying every live connection into a
/// twice-as-large array (a connection's state is about a kilobyte, and doubling copied and page-faulted tens of
/// megabytes in a busy capture). A slot's address never changes once its block exists.
/// </summary>
internal sealed class SlotBlocks<T>
    where T : struct
{
    private const int BlockShift = 8;
    private const int BlockSize = 1 << BlockShift;
    private const int BlockMask = BlockSize - 1;
    private T[][] _blocks = [];

    /// <summary>Slots available without growing.</summary>
    public int Capacity { get; private set; }

    /// <summary>Slot <paramref name="slot"/> (below <see cref="Capacity"/>).</summary>
    public ref T this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _blocks[slot >> BlockShift][slot & BlockMask];
    }

    /// <summary>Adds one block of slots.</summary>
    public void Grow()
    {
        var n = _blocks.Length;
        Array.Resize(ref _blocks, n + 1);
        _blocks[n] = new T[BlockSize];
        Capacity += BlockSize;
    }
}
