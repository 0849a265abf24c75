using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.3: SEGMENT ARRIVES in SYN-SENT, and the SYN retransmission timer.
public sealed class SynSentTests
{
    [Fact]
    public void SynSent_SynAck_EntersEstablishedAndAcks()
    {
        var c = Conn.SynSent();
        var ack = Assert.Single(c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1, mss: 1460)).Segment;
        AssertSegment(ack, TcpFlags.Ack, Iss + 1, PeerIss + 1);
        Assert.Equal(TcpState.Established, c.State);
        Assert.Equal(new SeqNumber(Iss + 1), c.C.SndUna);
        Assert.Equal(TransitionCause.SynAckReceived, c.Transitions[^1].Cause);
    }

    [Fact]
    public void SynSent_SynAckWithBadAck_SendsReset()
    {
        var c = Conn.SynSent();
        var rst = Assert.Single(c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss)).Segment;
        AssertSegment(rst, TcpFlags.Rst, Iss);
        Assert.Equal(TcpState.SynSent, c.State);
    }

    [Fact]
    public void SynSent_AckBeyondSndNxt_SendsReset()
    {
        var c = Conn.SynSent();
        var rst = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss, Iss + 5)).Segment;
        AssertSegment(rst, TcpFlags.Rst, Iss + 5);
    }

    [Fact]
    public void SynSent_RstWithAcceptableAck_ClosesRefused()
    {
        var c = Conn.SynSent();
        Assert.Empty(c.Receive(TcpFlags.Rst | TcpFlags.Ack, 0, Iss + 1));
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TcpError.ConnectionRefused, c.C.Error);
    }

    [Fact]
    public void SynSent_RstWithBadAck_IsIgnored()
    {
        var c = Conn.SynSent();
        Assert.Empty(c.Receive(TcpFlags.Rst | TcpFlags.Ack, 0, Iss + 9));
        Assert.Equal(TcpState.SynSent, c.State);
    }

    [Fact]
    public void SynSent_RstWithoutAck_IsIgnored()
    {
        var c = Conn.SynSent();
        Assert.Empty(c.Receive(TcpFlags.Rst, PeerIss, 0));
        Assert.Equal(TcpState.SynSent, c.State);
    }

    [Fact]
    public void SynSent_SynWithoutAck_SimultaneousOpenSendsSynAck()
    {
        var c = Conn.SynSent();
        var synAck = Assert.Single(c.Receive(TcpFlags.Syn, PeerIss, 0)).Segment;
        AssertSegment(synAck, TcpFlags.Syn | TcpFlags.Ack, Iss, PeerIss + 1);
        Assert.Equal(TcpState.SynReceived, c.State);
        Assert.Equal(TransitionCause.SimultaneousOpen, c.Transitions[^1].Cause);
    }

    [Fact]
    public void SynSent_SegmentWithoutSynOrRst_IsDropped()
    {
        var c = Conn.SynSent();
        Assert.Empty(c.Receive(TcpFlags.Ack, PeerIss, Iss + 1));
        Assert.Equal(TcpState.SynSent, c.State);
    }

    [Fact]
    public void SynSent_Timeout_RetransmitsSynWithBackoff()
    {
        var c = Conn.SynSent();
        Assert.Empty(c.Advance(TimeSpan.FromMilliseconds(999)));
        AssertSegment(Assert.Single(c.Advance(TimeSpan.FromMilliseconds(1))).Segment, TcpFlags.Syn, Iss);
        Assert.Empty(c.Advance(TimeSpan.FromMilliseconds(1999)));
        AssertSegment(Assert.Single(c.Advance(TimeSpan.FromMilliseconds(1))).Segment, TcpFlags.Syn, Iss);
    }

    [Fact]
    public void SynSent_SynRetriesExhausted_ClosesTimedOut()
    {
        var c = Conn.SynSent(DefaultConfig with { MaxSynRetransmissions = 2 });
        c.Advance(TimeSpan.FromSeconds(1));
        c.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TcpState.SynSent, c.State);
        Assert.Empty(c.Advance(TimeSpan.FromSeconds(4)));
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TcpError.TimedOut, c.C.Error);
    }

    [Fact]
    public void SynSent_SynAckAfterRetransmission_TakesNoRttSample()
    {
        var c = Conn.SynSent();
        c.Advance(TimeSpan.FromSeconds(1));
        c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1);
        Assert.Null(c.C.Rtt.Srtt);
    }

    [Fact]
    public void SynSent_SynAckFirstTry_SamplesRtt()
    {
        var c = Conn.SynSent();
        c.Now += TimeSpan.FromMilliseconds(30);
        c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1);
        Assert.Equal(TimeSpan.FromMilliseconds(30), c.C.Rtt.Srtt);
    }

    [Fact]
    public void SynSent_Close_EntersClosed()
    {
        var c = Conn.SynSent();
        c.C.Close(c.Now);
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Empty(c.Dispatch());
    }
}
