using System.Buffers;
using System.Runtime.InteropServices;
using SynAck.Capture.Memory;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// A growable buffer of native memory for one hand-over's output (encoded bytes or record keys): a small block of
/// its own, and for a burst (a sweep or the final flush ends thousands of connections in one hand-over) a
/// huge-page block from <see cref="HugeBlockPool"/>, given back when the buffer is reset. The hand-overs in flight
/// thus share burst-sized blocks instead of each keeping its own largest ever, so memory does not creep up with the
/// length of a capture.
/// <para>
/// Native, not arrays from the shared array pool: a burst's new arrays were the larger part of a run's page faults
/// (about 700 of a 2-thread run's 2,800 per thread, each about 14 µs on the measured machine); a huge-page block
/// costs one fault per 2 MiB. Freed by <see cref="Dispose"/> or, failing that, the finalizer.
/// </para>
/// </summary>
internal sealed unsafe class BurstBuffer<T> : IBufferWriter<T>, IDisposable
    where T : unmanaged
{
    private readonly int _ownCapacity;
    private T* _own;
    private T* _items;
    private int _capacity;
    private void* _burst;
    private nuint _burstBytes;
    private Storage? _memory;
    private bool _disposed;

    public BurstBuffer(int capacity)
    {
        _ownCapacity = capacity;
        _own = capacity == 0 ? null : (T*)NativeMemory.Alloc((nuint)capacity, (nuint)sizeof(T));
        _items = _own;
        _capacity = capacity;
    }

    ~BurstBuffer() => Free();

    /// <summary>Items written since the last <see cref="Reset"/>.</summary>
    public int Count { get; private set; }

    public Span<T> Written => new(_items, Count);

    public void Add(in T item)
    {
        if (Count == _capacity)
        {
            Grow(1);
        }

        _items[Count++] = item;
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _capacity - Count);
        Count += count;
    }

    public Memory<T> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return (_memory ??= new Storage(_items, _capacity)).Memory[Count..];
    }

    public Span<T> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return new Span<T>(_items + Count, _capacity - Count);
    }

    /// <summary>Empties the buffer and gives a burst block back to the pool.</summary>
    public void Reset()
    {
        ReturnBurst();
        _items = _own;
        _capacity = _ownCapacity;
        _memory = null;
        Count = 0;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Ensure(int sizeHint)
    {
        if (_capacity - Count < Math.Max(sizeHint, 1))
        {
            Grow(Math.Max(sizeHint, 1));
        }
    }

    private void Grow(int needed)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var items = Math.Max((long)_capacity * 2, (long)Count + needed);
        var bigger = (T*)HugeBlockPool.Rent((nuint)items * (nuint)sizeof(T), out var bytes);
        new Span<T>(_items, Count).CopyTo(new Span<T>(bigger, Count));
        ReturnBurst();
        _burst = bigger;
        _burstBytes = bytes;
        _items = bigger;
        _capacity = (int)Math.Min(int.MaxValue, (long)(bytes / (nuint)sizeof(T)));
        _memory = null;
    }

    private void ReturnBurst()
    {
        if (_burst is not null)
        {
            HugeBlockPool.Return(_burst, _burstBytes);
            _burst = null;
        }
    }

    private void Free()
    {
        _disposed = true;
        ReturnBurst();
        if (_own is not null)
        {
            NativeMemory.Free(_own);
            _own = null;
        }

        _items = null;
        _capacity = 0;
        Count = 0;
    }

    /// <summary>The current block as <see cref="Memory{T}"/>, for writers that ask for one (JSON).</summary>
    private sealed class Storage(T* items, int length) : MemoryManager<T>
    {
        public override Span<T> GetSpan() => new(items, length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(items + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
