using System.Buffers;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// A growable array for one chunk's output (encoded bytes or record keys): a small array of its own, and for a
/// burst (a sweep or the final flush ends thousands of connections in one chunk) a larger array rented from the
/// shared pool and returned when the chunk is reset. The chunks in flight thus share burst-sized arrays instead of
/// each keeping its own largest ever, so memory does not creep up with the length of the capture.
/// </summary>
internal sealed class BurstBuffer<T> : IBufferWriter<T>
{
    private readonly T[] _own;
    private T[] _array;

    public BurstBuffer(int capacity)
    {
        _own = new T[capacity];
        _array = _own;
    }

    /// <summary>Items written since the last <see cref="Reset"/>.</summary>
    public int Count { get; private set; }

    public Span<T> Written => _array.AsSpan(0, Count);

    public void Add(in T item)
    {
        if (Count == _array.Length)
        {
            Grow(1);
        }

        _array[Count++] = item;
    }

    public void Advance(int count) => Count += count;

    public Memory<T> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(Count);
    }

    public Span<T> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(Count);
    }

    /// <summary>Empties the buffer and gives a rented array back to the pool.</summary>
    public void Reset()
    {
        ReturnRented();
        _array = _own;
        Count = 0;
    }

    private void Ensure(int sizeHint)
    {
        if (_array.Length - Count < Math.Max(sizeHint, 1))
        {
            Grow(Math.Max(sizeHint, 1));
        }
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(_array.Length * 2, Count + needed));
        _array.AsSpan(0, Count).CopyTo(bigger);
        ReturnRented();
        _array = bigger;
    }

    /// <summary>Gives the current array back to the pool when it was rented (cleared if it holds references).</summary>
    private void ReturnRented()
    {
        if (!ReferenceEquals(_array, _own))
        {
            ArrayPool<T>.Shared.Return(_array, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }
}
