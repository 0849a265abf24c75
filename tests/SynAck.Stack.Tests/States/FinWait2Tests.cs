using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.4 in FIN-WAIT-2, and the FIN-WAIT-2 timeout.
public sealed class FinWait2Tests
{
    [Fact]
    public void FinWait2_Fin_AcksAndEntersTimeWait()
    {
        var c = Conn.FinWait2();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 1, Iss + 2)).Segment, TcpFlags.Ack, Iss + 2, PeerIss + 2);
        Assert.Equal(TcpState.TimeWait, c.State);
    }

    [Fact]
    public void FinWait2_Data_IsDeliveredAndAcked()
    {
        var c = Conn.FinWait2();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 2, [5])).Segment, TcpFlags.Ack, Iss + 2, PeerIss + 2);
        Assert.Equal(1, c.C.Readable);
    }

    [Fact]
    public void FinWait2_TimeoutAfterFullClose_Closes()
    {
        var c = Conn.FinWait2();
        c.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(TcpState.FinWait2, c.State);
        c.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TransitionCause.FinWait2Timeout, c.Transitions[^1].Cause);
    }

    [Fact]
    public void FinWait2_AfterHalfClose_WaitsForPeer()
    {
        var c = Conn.Established();
        c.C.ShutdownWrite(c.Now);
        c.Dispatch();
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 2);
        Assert.Equal(TcpState.FinWait2, c.State);
        Assert.Equal(Instant.Never, c.C.NextDeadline);
    }

    [Fact]
    public void FinWait2_RstAtRcvNxt_ClosesWithReset()
    {
        var c = Conn.FinWait2();
        c.Receive(TcpFlags.Rst, PeerIss + 1, 0);
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TcpError.ConnectionReset, c.C.Error);
    }
}
