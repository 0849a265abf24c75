using System.Runtime.InteropServices;

namespace SynAck.Capture.Memory;

/// <summary>
/// A byte buffer in native memory owned by one reader: whole huge pages (<see cref="HugePages"/>) from
/// <see cref="HugeFrom"/> bytes on (its <see cref="Length"/> is then the rounded size), ordinary native memory below.
/// Freed by <see cref="Dispose"/> or, failing that, the finalizer (see
/// <see cref="HugePages"/> for why the GC is not told of the memory).
/// </summary>
internal sealed unsafe class NativeBuffer : IDisposable
{
    /// <summary>The size from which a buffer is made of huge pages.</summary>
    public const int HugeFrom = 1 << 20;

    private byte* _pointer;
    private bool _huge;

    public NativeBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length >= HugeFrom)
        {
            _pointer = (byte*)HugePages.Allocate((nuint)length);
            _huge = true;
            Length = (int)HugePages.RoundUp((nuint)length);
        }
        else if (length > 0)
        {
            _pointer = (byte*)NativeMemory.Alloc((nuint)length);
            Length = length;
        }
    }

    ~NativeBuffer() => Free();

    /// <summary>Bytes in the buffer (0 once disposed).</summary>
    public int Length { get; private set; }

    /// <summary>The whole buffer (empty once disposed). Its contents are undefined until written.</summary>
    public Span<byte> Span => new(_pointer, Length);

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        var pointer = _pointer;
        if (pointer is null)
        {
            return;
        }

        _pointer = null;
        Length = 0;
        if (_huge)
        {
            HugePages.Free(pointer);
        }
        else
        {
            NativeMemory.Free(pointer);
        }
    }
}
