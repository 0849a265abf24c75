using SynAck.Analysis.Lifecycle;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Fixtures;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;
using static SynAck.Analysis.Tests.Fixtures.Conversation;

namespace SynAck.Analysis.Tests.States;

// RFC 9293 §3.5 and §3.10.7: the opening rows of the state diagram as a passive observer sees them.
public class HandshakeStateTests
{
    [Fact]
    public void Closed_SynSent_EntersSynSentAndListenerInferred()
    {
        var c = new Conversation();
        var o = c.Client(TcpFlags.Syn, ClientIsn);
        Assert.Equal(TcpState.SynSent, o.OrigState);
        Assert.Equal(TcpState.Listen, o.RespState);
        Assert.Equal(2, o.TransitionCount);
    }

    [Fact]
    public void Listen_SynAckSent_EntersSynReceivedAndClientEstablished()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        var o = c.Server(TcpFlags.Syn | TcpFlags.Ack, ServerIsn, ClientIsn + 1);
        Assert.Equal(TcpState.Established, o.OrigState);
        Assert.Equal(TcpState.SynReceived, o.RespState);
    }

    [Fact]
    public void SynReceived_AckOfSynAck_EntersEstablished()
    {
        var c = Established();
        Assert.Equal(TcpState.Established, c.Last.OrigState);
        Assert.Equal(TcpState.Established, c.Last.RespState);
        var r = c.Finish();
        Assert.True(r.Handshake.Valid);
        Assert.Equal(ClientIsn, r.Handshake.OrigIsn);
        Assert.Equal(ServerIsn, r.Handshake.RespIsn);
        Assert.Equal(Millisecond, r.Handshake.SynSynAckRttNs);
        Assert.Equal(Millisecond, r.Handshake.SynAckAckRttNs);
        Assert.Empty(r.Handshake.Findings);
    }

    [Fact]
    public void SynSent_SynAckWithWrongAck_StaysSynSentAndRecordsFinding()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        var o = c.Server(TcpFlags.Syn | TcpFlags.Ack, ServerIsn, ClientIsn + 7);
        Assert.Equal(TcpState.SynSent, o.OrigState);
        var r = c.Finish();
        Assert.False(r.Handshake.Valid);
        var f = Assert.Single(r.Handshake.Findings);
        Assert.Equal(new HandshakeFinding("synack_ack", ClientIsn + 1, ClientIsn + 7, 2), f);
    }

    [Fact]
    public void SynReceived_ThirdAckWrong_RecordsFinding()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        c.Server(TcpFlags.Syn | TcpFlags.Ack, ServerIsn, ClientIsn + 1);
        var o = c.Client(TcpFlags.Ack, ClientIsn + 1, ServerIsn + 5);
        Assert.Equal(TcpState.Established, o.RespState);
        var f = Assert.Single(c.Finish().Handshake.Findings);
        Assert.Equal(new HandshakeFinding("third_ack", ServerIsn + 1, ServerIsn + 5, 3), f);
    }

    [Fact]
    public void SynSent_RetransmittedSyn_CountsRetransmissionAndMeasuresFromLastSyn()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        c.NowNs += 999 * Millisecond;
        c.Client(TcpFlags.Syn, ClientIsn);
        c.Server(TcpFlags.Syn | TcpFlags.Ack, ServerIsn, ClientIsn + 1);
        c.Client(TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1);
        var r = c.Finish();
        Assert.Equal(1, r.Handshake.SynRetransmissions);
        Assert.Equal(Millisecond, r.Handshake.SynSynAckRttNs);
        Assert.Equal("ShA", r.History);
    }

    [Fact]
    public void SynSent_RstAckingSyn_EntersClosedAsRefused()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        var o = c.Server(TcpFlags.Rst | TcpFlags.Ack, 0, ClientIsn + 1);
        Assert.Equal(TcpState.Closed, o.OrigState);
        Assert.Equal(TcpState.Closed, o.RespState);
        var r = c.Finish();
        Assert.Equal(ConnState.Rej, r.ConnState);
        Assert.Equal(CloseKind.Refused, r.CloseKind);
        Assert.Equal(ActiveCloser.None, r.ActiveCloser);
        Assert.Equal("Sr", r.History);
    }

    [Fact]
    public void SynSent_RstWithWrongAck_IsIgnored()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        var o = c.Server(TcpFlags.Rst | TcpFlags.Ack, 0, ClientIsn + 100);
        Assert.Equal(TcpState.SynSent, o.OrigState);
        Assert.Equal(1, c.Finish().IgnoredResets);
    }

    [Fact]
    public void SynReceived_RstFromOpener_ReturnsToListen()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        c.Server(TcpFlags.Syn | TcpFlags.Ack, ServerIsn, ClientIsn + 1);
        var o = c.Client(TcpFlags.Rst, ClientIsn + 1);
        Assert.Equal(TcpState.Closed, o.OrigState);
        Assert.Equal(TcpState.Listen, o.RespState);
        var r = c.Finish();
        Assert.Equal(ConnState.Rsto, r.ConnState);
        Assert.Equal(ActiveCloser.Orig, r.ActiveCloser);
    }

    [Fact]
    public void SynSent_SynFromPeer_EntersSynReceivedThenBothEstablished()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        var o = c.Server(TcpFlags.Syn, ServerIsn);
        Assert.Equal(TcpState.SynReceived, o.OrigState);
        Assert.Equal(TcpState.SynSent, o.RespState);
        o = c.Client(TcpFlags.Syn | TcpFlags.Ack, ClientIsn, ServerIsn + 1);
        Assert.Equal(TcpState.SynReceived, o.OrigState);
        Assert.Equal(TcpState.Established, o.RespState);
        o = c.Server(TcpFlags.Syn | TcpFlags.Ack, ServerIsn, ClientIsn + 1);
        Assert.Equal(TcpState.Established, o.OrigState);
        Assert.Equal(TcpState.Established, o.RespState);
    }

    [Fact]
    public void SynSent_NoAnswerPastAttemptDelay_ClosesAndIsS0()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        c.NowNs += 10_000 * Millisecond;
        c.Tracker.Flush(c.NowNs);
        var r = Assert.Single(c.Records);
        Assert.Equal(ConnState.S0, r.ConnState);
        Assert.Equal(TcpState.Closed, r.OrigState);
        Assert.Equal(TcpState.Listen, r.RespState);
        Assert.Equal(CloseKind.Unanswered, r.CloseKind);
        Assert.Equal(SynAck.Analysis.Tracking.RemovalReason.AttemptTimeout, r.RemovalReason);
        Assert.Equal(TransitionCause.AttemptTimedOut, r.Transitions[^1].Cause);
    }
}
