using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.Tcp;

// Receiving: delayed ACKs (RFC 9293 §3.8.6.3), receive window (§3.8.6.2.2), options (RFC 6691, RFC 7323).
public sealed class ReceivePathTests
{
    private static readonly Stack.Tcp.TcpConfig s_delayed = DefaultConfig with { DelayedAck = true, AckDelay = TimeSpan.FromMilliseconds(40) };

    [Fact]
    public void Established_OneSegmentWithDelayedAck_AcksAfterDelay()
    {
        var c = Conn.Established(s_delayed);
        Assert.Empty(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, new byte[100]));
        Assert.Empty(c.Advance(TimeSpan.FromMilliseconds(39)));
        AssertSegment(Assert.Single(c.Advance(TimeSpan.FromMilliseconds(1))).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 101);
    }

    [Fact]
    public void Established_SecondSegmentWithDelayedAck_AcksImmediately()
    {
        var c = Conn.Established(s_delayed);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, new byte[100]);
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 101, Iss + 1, new byte[100])).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 201);
    }

    [Fact]
    public void Established_FullReceiveBuffer_AdvertisesZeroAndDropsMore()
    {
        var c = Conn.Established(DefaultConfig with { ReceiveBufferSize = 1000 });
        var ack = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, new byte[1000])).Segment;
        Assert.Equal((ushort)0, ack.Window);
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1001, Iss + 1, [1])).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 1001);
        Assert.Equal(1000, c.C.Readable);
    }

    [Fact]
    public void Established_ReadFreesHalfTheBuffer_SendsWindowUpdate()
    {
        var c = Conn.Established(DefaultConfig with { ReceiveBufferSize = 1000 });
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, new byte[1000]);
        c.C.Receive(new byte[600]);
        var update = Assert.Single(c.Dispatch()).Segment;
        Assert.Equal((ushort)600, update.Window);
    }

    [Fact]
    public void SynSent_SynAckWithMss_SetsSendMss()
    {
        var c = Conn.SynSent();
        c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1, mss: 500);
        Assert.Equal(500, c.C.SendMss);
    }

    [Fact]
    public void SynSent_SynAckWithoutMss_AssumesDefault536()
    {
        var c = Conn.SynSent();
        c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1);
        Assert.Equal(536, c.C.SendMss);
    }

    [Fact]
    public void SynSent_SynAckWithWindowScale_ScalesLaterWindows()
    {
        var c = Conn.SynSent(DefaultConfig with { ReceiveBufferSize = 1 << 20 });
        var syn = c.C;
        c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1, window: 100, windowScale: 7);
        Assert.Equal(7, syn.SndWindShift);
        Assert.Equal(5, syn.RcvWindShift);
        Assert.Equal(100u, syn.SndWnd);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, window: 100);
        Assert.Equal(12800u, syn.SndWnd);
    }

    [Fact]
    public void SynSent_SynAckWithoutWindowScale_DisablesScaling()
    {
        var c = Conn.SynSent(DefaultConfig with { ReceiveBufferSize = 1 << 20 });
        var ack = Assert.Single(c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1)).Segment;
        Assert.Equal(0, c.C.RcvWindShift);
        Assert.Equal((ushort)65535, ack.Window);
    }
}
