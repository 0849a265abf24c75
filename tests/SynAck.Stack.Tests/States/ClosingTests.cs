using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.4 in CLOSING (simultaneous close).
public sealed class ClosingTests
{
    [Fact]
    public void Closing_AckOfFin_EntersTimeWait()
    {
        var c = Conn.Closing();
        Assert.Empty(c.Receive(TcpFlags.Ack, PeerIss + 2, Iss + 2));
        Assert.Equal(TcpState.TimeWait, c.State);
        Assert.Equal(TransitionCause.AckOfFin, c.Transitions[^1].Cause);
    }

    [Fact]
    public void Closing_AckNotCoveringFin_StaysClosing()
    {
        var c = Conn.Closing();
        c.Receive(TcpFlags.Ack, PeerIss + 2, Iss + 1);
        Assert.Equal(TcpState.Closing, c.State);
    }

    [Fact]
    public void Closing_Timeout_RetransmitsFin()
    {
        var c = Conn.Closing();
        AssertSegment(Assert.Single(c.Advance(TimeSpan.FromSeconds(1))).Segment, TcpFlags.Fin | TcpFlags.Ack, Iss + 1, PeerIss + 2);
    }

    [Fact]
    public void Closing_RstAtRcvNxt_Closes()
    {
        var c = Conn.Closing();
        c.Receive(TcpFlags.Rst, PeerIss + 2, 0);
        Assert.Equal(TcpState.Closed, c.State);
    }

    [Fact]
    public void SimultaneousClose_BothFinsCross_BothReachTimeWait()
    {
        var c = Conn.Closing();
        Assert.Equal([TcpState.Established, TcpState.FinWait1, TcpState.Closing], c.Transitions.Skip(1).Select(t => t.To));
        c.Receive(TcpFlags.Ack, PeerIss + 2, Iss + 2);
        Assert.Equal(TcpState.TimeWait, c.State);
    }
}
