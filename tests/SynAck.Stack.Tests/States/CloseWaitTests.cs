using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.4 in CLOSE-WAIT (the peer's FIN was PeerIss+1).
public sealed class CloseWaitTests
{
    [Fact]
    public void CloseWait_Close_SendsFinAndEntersLastAck()
    {
        var c = Conn.CloseWait();
        c.C.Close(c.Now);
        AssertSegment(Assert.Single(c.Dispatch()).Segment, TcpFlags.Fin | TcpFlags.Ack, Iss + 1, PeerIss + 2);
        Assert.Equal(TcpState.LastAck, c.State);
    }

    [Fact]
    public void CloseWait_Send_StillSendsData()
    {
        var c = Conn.CloseWait();
        Assert.Equal(2, c.C.Send([1, 2]));
        var (seg, payload) = Assert.Single(c.Dispatch());
        AssertSegment(seg, TcpFlags.Ack | TcpFlags.Psh, Iss + 1, PeerIss + 2);
        Assert.Equal(new byte[] { 1, 2 }, payload);
    }

    [Fact]
    public void CloseWait_RetransmittedFin_IsAcked()
    {
        var c = Conn.CloseWait();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 1, Iss + 1)).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 2);
        Assert.Equal(TcpState.CloseWait, c.State);
    }

    [Fact]
    public void CloseWait_RstAtRcvNxt_ClosesWithReset()
    {
        var c = Conn.CloseWait();
        c.Receive(TcpFlags.Rst, PeerIss + 2, 0);
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TcpError.ConnectionReset, c.C.Error);
    }

    [Fact]
    public void CloseWait_Syn_SendsChallengeAck()
    {
        var c = Conn.CloseWait();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Syn, PeerIss + 2, 0)).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 2);
    }
}
