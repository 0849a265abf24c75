using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.4 in FIN-WAIT-1 (our FIN is Iss+1).
public sealed class FinWait1Tests
{
    [Fact]
    public void FinWait1_AckOfFin_EntersFinWait2()
    {
        var c = Conn.FinWait1();
        Assert.Empty(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 2));
        Assert.Equal(TcpState.FinWait2, c.State);
        Assert.Equal(TransitionCause.AckOfFin, c.Transitions[^1].Cause);
    }

    [Fact]
    public void FinWait1_Fin_AcksAndEntersClosing()
    {
        var c = Conn.FinWait1();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 1, Iss + 1)).Segment, TcpFlags.Ack, Iss + 2, PeerIss + 2);
        Assert.Equal(TcpState.Closing, c.State);
    }

    [Fact]
    public void FinWait1_FinAckingOurFin_EntersTimeWait()
    {
        var c = Conn.FinWait1();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 1, Iss + 2)).Segment, TcpFlags.Ack, Iss + 2, PeerIss + 2);
        Assert.Equal(TcpState.TimeWait, c.State);
    }

    [Fact]
    public void FinWait1_Timeout_RetransmitsFin()
    {
        var c = Conn.FinWait1();
        AssertSegment(Assert.Single(c.Advance(TimeSpan.FromSeconds(1))).Segment, TcpFlags.Fin | TcpFlags.Ack, Iss + 1, PeerIss + 1);
    }

    [Fact]
    public void FinWait1_Data_IsDeliveredAndAcked()
    {
        var c = Conn.FinWait1();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, [9, 8])).Segment, TcpFlags.Ack, Iss + 2, PeerIss + 3);
        Assert.Equal(2, c.C.Readable);
    }

    [Fact]
    public void FinWait1_RstAtRcvNxt_ClosesWithReset()
    {
        var c = Conn.FinWait1();
        c.Receive(TcpFlags.Rst, PeerIss + 1, 0);
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TcpError.ConnectionReset, c.C.Error);
    }

    [Fact]
    public void FinWait1_Send_IsRefused()
    {
        var c = Conn.FinWait1();
        Assert.False(c.C.CanSend);
        Assert.Equal(0, c.C.Send([1]));
    }

    [Fact]
    public void FinWait1_FinAfterQueuedData_FollowsTheData()
    {
        var c = Conn.Established();
        c.C.Send([1, 2, 3]);
        c.C.Close(c.Now);
        var (seg, payload) = Assert.Single(c.Dispatch());
        AssertSegment(seg, TcpFlags.Ack | TcpFlags.Psh | TcpFlags.Fin, Iss + 1, PeerIss + 1);
        Assert.Equal(3, payload.Length);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 4);
        Assert.Equal(TcpState.FinWait1, c.State);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 5);
        Assert.Equal(TcpState.FinWait2, c.State);
    }
}
