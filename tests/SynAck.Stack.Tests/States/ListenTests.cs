using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.2: SEGMENT ARRIVES in LISTEN.
public sealed class ListenTests
{
    [Fact]
    public void Listen_Syn_SendsSynAckAndEntersSynReceived()
    {
        var c = Conn.Listen();
        var sent = c.Receive(TcpFlags.Syn, PeerIss, 0, mss: 1400, windowScale: 7);
        var synAck = Assert.Single(sent).Segment;
        AssertSegment(synAck, TcpFlags.Syn | TcpFlags.Ack, Iss, PeerIss + 1);
        Assert.Equal((ushort)1460, synAck.Mss);
        Assert.Equal((byte)0, synAck.WindowScale);
        Assert.Equal(TcpState.SynReceived, c.State);
        Assert.Equal(new SeqNumber(PeerIss), c.C.Irs);
        Assert.Equal(1400, c.C.SendMss);
        Assert.Equal(7, c.C.SndWindShift);
    }

    [Fact]
    public void Listen_SynWithoutWindowScale_SynAckOmitsIt()
    {
        var c = Conn.Listen();
        var synAck = Assert.Single(c.Receive(TcpFlags.Syn, PeerIss, 0)).Segment;
        Assert.Null(synAck.WindowScale);
        Assert.Equal(0, c.C.SndWindShift);
        Assert.Equal(0, c.C.RcvWindShift);
    }

    [Fact]
    public void Listen_Rst_IsIgnored()
    {
        var c = Conn.Listen();
        Assert.Empty(c.Receive(TcpFlags.Rst, PeerIss, 0));
        Assert.Equal(TcpState.Listen, c.State);
    }

    [Fact]
    public void Listen_Ack_SendsReset()
    {
        var c = Conn.Listen();
        var rst = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss, 4242)).Segment;
        AssertSegment(rst, TcpFlags.Rst, 4242);
        Assert.Equal(TcpState.Listen, c.State);
    }

    [Fact]
    public void Listen_FinWithoutSyn_IsDropped()
    {
        var c = Conn.Listen();
        Assert.Empty(c.Receive(TcpFlags.Fin, PeerIss, 0));
        Assert.Equal(TcpState.Listen, c.State);
    }

    [Fact]
    public void Listen_Close_EntersClosed()
    {
        var c = Conn.Listen();
        c.C.Close(c.Now);
        Assert.Equal(TcpState.Closed, c.State);
    }
}
