using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.4 in SYN-RECEIVED.
public sealed class SynReceivedTests
{
    [Fact]
    public void SynReceived_AckOfSyn_EntersEstablished()
    {
        var c = Conn.SynReceived();
        Assert.Empty(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1));
        Assert.Equal(TcpState.Established, c.State);
        Assert.Equal(TransitionCause.AckOfSyn, c.Transitions[^1].Cause);
    }

    [Fact]
    public void SynReceived_AckWithBadAck_SendsReset()
    {
        var c = Conn.SynReceived();
        var rst = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 50)).Segment;
        AssertSegment(rst, TcpFlags.Rst, Iss + 50);
        Assert.Equal(TcpState.SynReceived, c.State);
    }

    [Fact]
    public void SynReceived_RstAtRcvNxtPassive_ReturnsToListen()
    {
        var c = Conn.SynReceived();
        Assert.Empty(c.Receive(TcpFlags.Rst, PeerIss + 1, 0));
        Assert.Equal(TcpState.Listen, c.State);
    }

    [Fact]
    public void SynReceived_RstAtRcvNxtActive_ClosesRefused()
    {
        var c = Conn.SynSent();
        c.Receive(TcpFlags.Syn, PeerIss, 0);
        c.Receive(TcpFlags.Rst, PeerIss + 1, 0);
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TcpError.ConnectionRefused, c.C.Error);
    }

    [Fact]
    public void SynReceived_RetransmittedSyn_ResendsSynAck()
    {
        var c = Conn.SynReceived();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Syn, PeerIss, 0)).Segment, TcpFlags.Syn | TcpFlags.Ack, Iss, PeerIss + 1);
        Assert.Equal(TcpState.SynReceived, c.State);
    }

    [Fact]
    public void SynReceived_Timeout_RetransmitsSynAck()
    {
        var c = Conn.SynReceived();
        AssertSegment(Assert.Single(c.Advance(TimeSpan.FromSeconds(1))).Segment, TcpFlags.Syn | TcpFlags.Ack, Iss, PeerIss + 1);
    }

    [Fact]
    public void SynReceived_CloseThenAck_SendsFinFromFinWait1()
    {
        var c = Conn.SynReceived();
        c.C.Close(c.Now);
        Assert.Equal(TcpState.SynReceived, c.State);
        var fin = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1)).Segment;
        AssertSegment(fin, TcpFlags.Fin | TcpFlags.Ack, Iss + 1, PeerIss + 1);
        Assert.Equal(TcpState.FinWait1, c.State);
    }

    [Fact]
    public void SynReceived_SimultaneousOpenPeerSynAckThenAck_Established()
    {
        var c = Conn.SynSent();
        c.Receive(TcpFlags.Syn, PeerIss, 0);

        // The peer's SYN-ACK repeats its SYN (already received): unacceptable, so it is answered with an ACK.
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1)).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 1);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1);
        Assert.Equal(TcpState.Established, c.State);
    }

    [Fact]
    public void SynReceived_FinWithAck_EntersCloseWait()
    {
        var c = Conn.SynReceived();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 1, Iss + 1)).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 2);
        Assert.Equal(TcpState.CloseWait, c.State);
    }
}
