using System.Runtime.InteropServices;

namespace SynAck.Analysis.Tracking;

/// <summary>Linux transparent huge pages for the tracker's large native blocks (see <see cref="SlotBlocks{T}"/>).</summary>
internal static unsafe partial class HugePages
{
    private const int MadviseHugePage = 14;

    /// <summary>The huge page size the blocks are aligned to (x86-64 and arm64 with 4 KiB base pages).</summary>
    public const int Size = 2 << 20;

    /// <summary>
    /// Advises the kernel to back <paramref name="length"/> bytes at <paramref name="address"/> with huge pages. Advice
    /// only: the result is ignored (without transparent huge pages the range is faulted 4 KiB at a time).
    /// </summary>
    public static void Advise(void* address, nuint length)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = Madvise(address, length, MadviseHugePage);
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
