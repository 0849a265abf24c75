namespace SynAck.Capture.Memory;

/// <summary>
/// A process-wide pool of huge-page blocks (<see cref="HugePages"/>) in sizes of 2 MiB times a power of two, for
/// buffers that grow in bursts and are emptied again (a parallel run's output while a sweep or the final flush ends
/// thousands of connections at once). A returned block is kept for the next burst while the pool holds less than
/// <see cref="MaxRetainedBytes"/>, and freed otherwise, so the memory kept follows the largest bursts in flight, not
/// the length of a capture. Thread-safe; called once per burst, never per record.
/// </summary>
internal static unsafe class HugeBlockPool
{
    /// <summary>The most bytes of returned blocks the pool keeps.</summary>
    public const long MaxRetainedBytes = 16L << 20;

    private static readonly Lock s_lock = new();
    private static readonly List<(nint Block, nuint Bytes)> s_free = [];
    private static long s_retained;

    /// <summary>Bytes of returned blocks the pool holds now.</summary>
    public static long RetainedBytes
    {
        get
        {
            lock (s_lock)
            {
                return s_retained;
            }
        }
    }

    /// <summary>The block size a request for <paramref name="bytes"/> gets: 2 MiB times the smallest power of two that holds it.</summary>
    public static nuint SizeFor(nuint bytes)
    {
        nuint size = HugePages.Size;
        while (size < bytes)
        {
            size <<= 1;
        }

        return size;
    }

    /// <summary>A block of <see cref="SizeFor"/>(<paramref name="minBytes"/>) bytes, contents undefined.</summary>
    public static void* Rent(nuint minBytes, out nuint bytes)
    {
        bytes = SizeFor(minBytes);
        lock (s_lock)
        {
            for (var i = s_free.Count - 1; i >= 0; i--)
            {
                if (s_free[i].Bytes == bytes)
                {
                    var block = s_free[i].Block;
                    s_free.RemoveAt(i);
                    s_retained -= (long)bytes;
                    return (void*)block;
                }
            }
        }
        return HugePages.Allocate(bytes);
    }

    /// <summary>Gives back a block from <see cref="Rent"/> (kept for reuse, or freed when the pool holds enough).</summary>
    public static void Return(void* block, nuint bytes)
    {
        lock (s_lock)
        {
            if (s_retained + (long)bytes <= MaxRetainedBytes)
            {
                s_free.Add(((nint)block, bytes));
                s_retained += (long)bytes;
                return;
            }
        }

        HugePages.Free(block);
    }
}
