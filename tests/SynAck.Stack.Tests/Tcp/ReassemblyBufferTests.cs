using SynAck.Stack.Tcp;

namespace SynAck.Stack.Tests.Tcp;

public sealed class ReassemblyBufferTests
{
    [Fact]
    public void ReassemblyBuffer_InOrder_AdvancesByLength()
    {
        var b = new ReassemblyBuffer(16);
        Assert.Equal(3, b.Write(0, [1, 2, 3]));
        Assert.Equal(3, b.Readable);
        Assert.Equal(13, b.Window);
    }

    [Fact]
    public void ReassemblyBuffer_OutOfOrderThenGapFilled_DeliversAllInOrder()
    {
        var b = new ReassemblyBuffer(16);
        Assert.Equal(0, b.Write(3, [4, 5]));
        Assert.Equal(0, b.Write(6, [7]));
        Assert.True(b.HasGaps);
        Assert.Equal(2, b.Ranges.Length);
        Assert.Equal(0, b.Write(5, [6]));
        Assert.Equal(1, b.Ranges.Length);
        Assert.Equal(7, b.Write(0, [1, 2, 3]));
        Assert.False(b.HasGaps);
        var dest = new byte[10];
        Assert.Equal(7, b.Read(dest));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7 }, dest[..7]);
    }

    [Fact]
    public void ReassemblyBuffer_Overlapping_MergesRanges()
    {
        var b = new ReassemblyBuffer(16);
        b.Write(4, [5, 6, 7, 8]);
        b.Write(2, [3, 4, 5]);
        Assert.Equal((2, 8), b.Ranges[0]);
        Assert.Equal(8, b.Write(0, [1, 2, 3]));
    }

    [Fact]
    public void ReassemblyBuffer_BeyondWindow_IsCut()
    {
        var b = new ReassemblyBuffer(4);
        Assert.Equal(4, b.Write(0, [1, 2, 3, 4, 5, 6]));
        Assert.Equal(0, b.Window);
        Assert.Equal(0, b.Write(0, [9]));
    }

    [Fact]
    public void ReassemblyBuffer_WrapAround_ReadsInOrder()
    {
        var b = new ReassemblyBuffer(4);
        b.Write(0, [1, 2, 3]);
        var d = new byte[2];
        b.Read(d);
        Assert.Equal(3, b.Write(1, [1, 2, 3]) + b.Write(0, [9]));
        var all = new byte[4];
        Assert.Equal(4, b.Read(all));
        Assert.Equal(new byte[] { 3, 9, 1, 2 }, all);
    }

    [Fact]
    public void ReassemblyBuffer_TooManyRanges_DropsNewRange()
    {
        var b = new ReassemblyBuffer(1000);
        for (var i = 0; i < ReassemblyBuffer.MaxRanges; i++)
        {
            b.Write(2 + (i * 2), [1]);
        }

        Assert.Equal(ReassemblyBuffer.MaxRanges, b.Ranges.Length);
        b.Write(900, [1]);
        Assert.Equal(ReassemblyBuffer.MaxRanges, b.Ranges.Length);
        Assert.Equal((2 + (2 * (ReassemblyBuffer.MaxRanges - 1)), 3 + (2 * (ReassemblyBuffer.MaxRanges - 1))), b.Ranges[^1]);
    }
}
