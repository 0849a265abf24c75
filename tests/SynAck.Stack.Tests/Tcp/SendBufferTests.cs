using SynAck.Stack.Tcp;

namespace SynAck.Stack.Tests.Tcp;

public sealed class SendBufferTests
{
    [Fact]
    public void SendBuffer_EnqueueBeyondCapacity_TakesWhatFits()
    {
        var b = new SendBuffer(4);
        Assert.Equal(4, b.Enqueue([1, 2, 3, 4, 5, 6]));
        Assert.Equal(0, b.Free);
    }

    [Fact]
    public void SendBuffer_WrapAround_PeekReturnsBytesInOrder()
    {
        var b = new SendBuffer(5);
        b.Enqueue([1, 2, 3, 4]);
        b.Release(3);
        Assert.Equal(4, b.Enqueue([5, 6, 7, 8]));
        var dest = new byte[5];
        Assert.Equal(5, b.Peek(0, dest));
        Assert.Equal(new byte[] { 4, 5, 6, 7, 8 }, dest);
        var tail = new byte[3];
        Assert.Equal(2, b.Peek(3, tail));
        Assert.Equal(new byte[] { 7, 8, 0 }, tail);
    }

    [Fact]
    public void SendBuffer_PeekPastEnd_ReturnsZero()
    {
        var b = new SendBuffer(8);
        b.Enqueue([1, 2]);
        Assert.Equal(0, b.Peek(2, new byte[4]));
    }
}
