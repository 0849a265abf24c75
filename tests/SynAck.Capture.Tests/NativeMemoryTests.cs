using SynAck.Capture.Memory;

namespace SynAck.Capture.Tests;

/// <summary>The native buffer behind the reader: sizes, alignment, and what disposal leaves.</summary>
public unsafe class NativeMemoryTests
{
    private const int Mi = 1 << 20;

    [Fact]
    public void NativeBuffer_BelowOneMebibyte_IsExactlyThatLong()
    {
        using var buffer = new NativeBuffer(70_000);
        Assert.Equal(70_000, buffer.Length);
        buffer.Span.Fill(7);
        Assert.Equal(70_000, buffer.Span.Count((byte)7));
    }

    [Fact]
    public void NativeBuffer_FromOneMebibyte_IsWholeAlignedHugePages()
    {
        using var buffer = new NativeBuffer(Mi + 1);
        Assert.Equal(2 * Mi, buffer.Length);
        fixed (byte* p = buffer.Span)
        {
            Assert.Equal(0, (long)p % HugePages.Size);
        }

        buffer.Span[^1] = 9;
        Assert.Equal(9, buffer.Span[(2 * Mi) - 1]);
    }

    [Fact]
    public void NativeBuffer_Disposed_IsEmpty()
    {
        var buffer = new NativeBuffer(4096);
        buffer.Dispose();
        buffer.Dispose();
        Assert.Equal(0, buffer.Length);
        Assert.True(buffer.Span.IsEmpty);
    }

    [Fact]
    public void NativeBuffer_NegativeLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NativeBuffer(-1));
    }
}
