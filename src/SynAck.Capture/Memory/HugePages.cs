using System.Runtime.InteropServices;

namespace SynAck.Capture.Memory;

/// <summary>
/// Native memory in whole, aligned huge pages, advised on Linux as transparent huge pages
/// (<c>madvise(MADV_HUGEPAGE)</c>), for the large buffers a run touches once and then reuses: the capture reader's
/// buffer, the tracker's connection slots, the burst buffers of a parallel run's output.
/// <para>
/// Why: a 4 KiB page fault cost about 14 µs on the measured machine (a 2-vCPU VM), so first touching 18 MB of
/// ordinary memory took 61–70 ms there and the same memory advised as huge pages 1–10 ms (a C loop, three runs
/// each). Managed arrays cannot have this: the GC commits its heap in pieces the kernel never backs with huge pages.
/// </para>
/// <para>
/// The owners of these blocks free them when disposed (a finalizer only as a safety net) and do not tell the GC of
/// them (<c>GC.AddMemoryPressure</c>): the pressure made it run full, compacting collections in the middle of a run,
/// whose own page faults (about 150 on real-close) cost more than anything they could reclaim.
/// </para>
/// </summary>
internal static unsafe partial class HugePages
{
    private const int MadviseHugePage = 14;

    /// <summary>The huge page size blocks are aligned to and rounded up to (x86-64 and arm64 with 4 KiB base pages).</summary>
    public const int Size = 2 << 20;

    // Set when the C library cannot be called (not glibc): the memory is then used without the advice.
    private static bool s_noAdvice;

    /// <summary><paramref name="bytes"/> rounded up to whole huge pages.</summary>
    public static nuint RoundUp(nuint bytes) => (bytes + Size - 1) & ~(nuint)(Size - 1);

    /// <summary>
    /// Allocates <see cref="RoundUp"/>(<paramref name="bytes"/>) bytes aligned to a huge page and advises them as
    /// huge pages; the contents are undefined. Free with <see cref="Free"/>.
    /// </summary>
    public static void* Allocate(nuint bytes)
    {
        var length = RoundUp(bytes);
        var block = NativeMemory.AlignedAlloc(length, Size);
        Advise(block, length);
        return block;
    }

    /// <summary>Frees a block from <see cref="Allocate"/>.</summary>
    public static void Free(void* block) => NativeMemory.AlignedFree(block);

    /// <summary>
    /// Advises the kernel to back <paramref name="length"/> bytes at <paramref name="address"/> with huge pages. Advice
    /// only: the result is ignored (without transparent huge pages the range is faulted 4 KiB at a time).
    /// </summary>
    public static void Advise(void* address, nuint length)
    {
        if (!OperatingSystem.IsLinux() || s_noAdvice)
        {
            return;
        }

        try
        {
            _ = Madvise(address, length, MadviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_noAdvice = true;
        }
    }

    // glibc's soname, not "libc": the runtime probes "libc" under four other names first, a few milliseconds of
    // failed dlopen calls at start-up.
    [LibraryImport("libc.so.6", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
