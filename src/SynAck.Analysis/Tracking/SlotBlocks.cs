using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using SynAck.Capture.Memory;

namespace SynAck.Analysis.Tracking;

/// <summary>
/// The tracker's per-connection slots (<see cref="ConnectionState"/>, and the optional per-connection analyses),
/// stored by value in fixed-size blocks of native memory: growing adds a block instead of copying every live
/// connection into a twice-as-large array, and a slot's address never changes once its block exists.
/// <para>
/// Native rather than managed arrays because of page faults: a busy capture's slots are tens of megabytes, first
/// touched while the tracker runs, and a 4 KiB page fault cost about 13 µs on the measured machine. The blocks are
/// whole 2 MiB pages, aligned, and on Linux advised as transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>), so a
/// block is faulted in 2 MiB at a time: on real-close a run's page faults went from 6,835 to 3,177 and its time from
/// 0.80 to 0.73 s (interleaved runs). A slot's memory is not zeroed: the tracker clears a slot when it takes it (it
/// writes those lines then anyway).
/// </para>
/// <para>
/// A block is 65,536 slots (68 MB of address space for a connection's 1,048 bytes), of which only the pages of the
/// slots in use are ever touched (slots are taken lowest first): with 4,096-slot blocks each full block ended in a
/// huge page mostly past its last slot, which the kernel zeroed all the same (real-close on one thread: 14,114 live
/// connections, 7.05 huge pages' worth of slots, touched 10 huge pages; now 8). Freed by <see cref="Dispose"/> or the finalizer (see
/// <see cref="HugePages"/> for why the GC is not told of the memory).
/// </para>
/// </summary>
internal sealed unsafe class SlotBlocks<T> : IDisposable
    where T : unmanaged
{
    private const int BlockShift = 16;
    private const int BlockSize = 1 << BlockShift;
    private const int BlockMask = BlockSize - 1;
    private nint[] _blocks = [];

    /// <summary>Slots available without growing.</summary>
    public int Capacity { get; private set; }

    /// <summary>Slot <paramref name="slot"/> (below <see cref="Capacity"/>).</summary>
    public ref T this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref ((T*)_blocks[slot >> BlockShift])[slot & BlockMask];
    }

    /// <summary>Asks the CPU to load every cache line of slot <paramref name="slot"/> (a hint; x86 only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int slot)
    {
        if (Sse.IsSupported)
        {
            // Every line the slot overlaps (slots are not line-aligned: 1,120 bytes is 17.5 lines).
            var first = (nuint)Unsafe.AsPointer(ref this[slot]) & ~(nuint)63;
            var last = first + (nuint)sizeof(T) + 63;
            for (var line = first; line < last; line += 64)
            {
                Sse.Prefetch0((void*)line);
            }
        }
    }

    // A whole number of huge pages: a block's tail shorter than one would be faulted 4 KiB at a time.
    private static nuint BlockBytes => HugePages.RoundUp((nuint)BlockSize * (nuint)sizeof(T));

    /// <summary>Adds one block of slots (contents undefined until the caller clears a slot).</summary>
    public void Grow()
    {
        ObjectDisposedException.ThrowIf(_blocks is null, this);
        var bytes = BlockBytes;
        var block = (T*)HugePages.Allocate(bytes);
        var n = _blocks.Length;
        Array.Resize(ref _blocks, n + 1);
        _blocks[n] = (nint)block;
        Capacity += BlockSize;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    ~SlotBlocks() => Free();

    private void Free()
    {
        var blocks = _blocks;
        if (blocks is null)
        {
            return;
        }

        _blocks = null!;
        Capacity = 0;
        foreach (var b in blocks)
        {
            HugePages.Free((void*)b);
        }
    }
}
