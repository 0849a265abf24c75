using SynAck.Capture.Memory;

namespace SynAck.Capture.Tests;

/// <summary>The native buffers behind the reader and a parallel run's output: sizes, reuse, and what disposal leaves.</summary>
public unsafe class NativeMemoryTests
{
    private const int Mi = 1 << 20;

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2 * Mi, 2)]
    [InlineData((2 * Mi) + 1, 4)]
    [InlineData(5 * Mi, 8)]
    [InlineData(16 * Mi, 16)]
    public void HugeBlockPool_SizeFor_IsTwoMebibytesTimesAPowerOfTwo(int bytes, int expectedMi)
    {
        Assert.Equal((nuint)expectedMi * Mi, HugeBlockPool.SizeFor((nuint)bytes));
    }

    [Fact]
    public void HugeBlockPool_ReturnedBlock_IsRentedAgainWithItsContents()
    {
        // 6 MiB: a size no other test here rents, so the pool's block of that size is this one.
        var block = (byte*)HugeBlockPool.Rent(6 * Mi, out var bytes);
        Assert.Equal((nuint)8 * Mi, bytes);
        Assert.Equal(0, (long)block % HugePages.Size);
        block[0] = 0xAB;
        block[(8 * Mi) - 1] = 0xCD;
        HugeBlockPool.Return(block, bytes);

        var again = (byte*)HugeBlockPool.Rent(7 * Mi, out var againBytes);
        try
        {
            Assert.Equal((nuint)8 * Mi, againBytes);
            Assert.Equal((nint)block, (nint)again);
            Assert.Equal(0xAB, again[0]);
            Assert.Equal(0xCD, again[(8 * Mi) - 1]);
        }
        finally
        {
            HugeBlockPool.Return(again, againBytes);
        }
    }

    [Fact]
    public void HugeBlockPool_BlockLargerThanItKeeps_IsFreedNotKept()
    {
        // 32 MiB: more than the pool keeps in all, so returning it frees it.
        var before = HugeBlockPool.RetainedBytes;
        var block = HugeBlockPool.Rent(17 * Mi, out var bytes);
        Assert.Equal((nuint)32 * Mi, bytes);
        HugeBlockPool.Return(block, bytes);
        Assert.Equal(before, HugeBlockPool.RetainedBytes);

        // A small block is kept (this test class is the only user of the pool here).
        var small = HugeBlockPool.Rent(3 * Mi, out var smallBytes);
        var afterRent = HugeBlockPool.RetainedBytes;
        HugeBlockPool.Return(small, smallBytes);
        Assert.Equal(afterRent + (long)smallBytes, HugeBlockPool.RetainedBytes);
    }

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
