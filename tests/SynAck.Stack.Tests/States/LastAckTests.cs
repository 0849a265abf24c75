using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.4 in LAST-ACK.
public sealed class LastAckTests
{
    [Fact]
    public void LastAck_AckOfFin_EntersClosed()
    {
        var c = Conn.LastAck();
        Assert.Empty(c.Receive(TcpFlags.Ack, PeerIss + 2, Iss + 2));
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TcpError.None, c.C.Error);
    }

    [Fact]
    public void LastAck_Timeout_RetransmitsFin()
    {
        var c = Conn.LastAck();
        AssertSegment(Assert.Single(c.Advance(TimeSpan.FromSeconds(1))).Segment, TcpFlags.Fin | TcpFlags.Ack, Iss + 1, PeerIss + 2);
    }

    [Fact]
    public void LastAck_RstAtRcvNxt_Closes()
    {
        var c = Conn.LastAck();
        c.Receive(TcpFlags.Rst, PeerIss + 2, 0);
        Assert.Equal(TcpState.Closed, c.State);
    }

    [Fact]
    public void LastAck_RetriesExhausted_ClosesTimedOutWithReset()
    {
        var c = Conn.LastAck(DefaultConfig with { MaxRetransmissions = 1 });
        c.Advance(TimeSpan.FromSeconds(1));
        var rst = Assert.Single(c.Advance(TimeSpan.FromSeconds(2))).Segment;
        Assert.Equal(TcpFlags.Rst, rst.Flags);
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TcpError.TimedOut, c.C.Error);
    }
}
