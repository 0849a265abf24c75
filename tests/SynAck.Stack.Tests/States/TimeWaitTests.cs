using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.4 in TIME-WAIT, RFC 1337, and the 2·MSL timer (MSL 30 s by default).
public sealed class TimeWaitTests
{
    [Fact]
    public void TimeWait_TwoMsl_Closes()
    {
        var c = Conn.TimeWait();
        Assert.Equal(c.Now + TimeSpan.FromSeconds(60), c.C.NextDeadline);
        c.Advance(TimeSpan.FromSeconds(59.999));
        Assert.Equal(TcpState.TimeWait, c.State);
        c.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TransitionCause.TimeWaitExpired, c.Transitions[^1].Cause);
    }

    [Fact]
    public void TimeWait_RetransmittedFin_IsAckedAndTimerRestarts()
    {
        var c = Conn.TimeWait();
        c.Advance(TimeSpan.FromSeconds(30));
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 1, Iss + 2)).Segment, TcpFlags.Ack, Iss + 2, PeerIss + 2);
        c.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(TcpState.TimeWait, c.State);
        c.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TcpState.Closed, c.State);
    }

    [Fact]
    public void TimeWait_Rst_IsIgnored()
    {
        var c = Conn.TimeWait();
        Assert.Empty(c.Receive(TcpFlags.Rst, PeerIss + 2, 0));
        Assert.Equal(TcpState.TimeWait, c.State);
    }

    [Fact]
    public void TimeWait_ConfiguredMsl_SetsTimer()
    {
        var c = Conn.TimeWait(DefaultConfig with { Msl = TimeSpan.FromSeconds(1) });
        c.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TcpState.Closed, c.State);
    }

    [Fact]
    public void TimeWait_Abort_ClosesWithoutReset()
    {
        var c = Conn.TimeWait();
        c.C.Abort(c.Now);
        Assert.Empty(c.Dispatch());
        Assert.Equal(TcpState.Closed, c.State);
    }
}
