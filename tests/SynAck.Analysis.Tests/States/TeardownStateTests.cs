using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Fixtures;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;
using static SynAck.Analysis.Tests.Fixtures.Conversation;

namespace SynAck.Analysis.Tests.States;

// RFC 9293 §3.6 and §3.10.7.4: the closing rows of the state diagram. A FIN counts as received only when its
// receiver acknowledges it (ack = FIN seq + 1).
public class TeardownStateTests
{
    [Fact]
    public void Established_FinSent_EntersFinWait1()
    {
        var c = FinWait1();
        Assert.Equal(TcpState.FinWait1, c.Last.OrigState);
        Assert.Equal(TcpState.Established, c.Last.RespState);
    }

    [Fact]
    public void FinWait1_AckOfFin_EntersFinWait2()
    {
        var c = FinWait2();
        Assert.Equal(TcpState.FinWait2, c.Last.OrigState);
        Assert.Equal(TcpState.CloseWait, c.Last.RespState);
    }

    [Fact]
    public void FinWait1_AckBelowFin_StaysFinWait1()
    {
        var c = FinWait1();
        var o = c.Server(TcpFlags.Ack, ServerIsn + 1, ClientIsn + 1);
        Assert.Equal(TcpState.FinWait1, o.OrigState);
        Assert.Equal(TcpState.Established, o.RespState);
    }

    [Fact]
    public void CloseWait_FinSent_EntersLastAck()
    {
        var c = LastAck();
        Assert.Equal(TcpState.FinWait2, c.Last.OrigState);
        Assert.Equal(TcpState.LastAck, c.Last.RespState);
    }

    [Fact]
    public void LastAck_AckOfFin_EntersClosedAndPeerTimeWait()
    {
        var c = LastAck();
        var o = c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        Assert.Equal(TcpState.TimeWait, o.OrigState);
        Assert.Equal(TcpState.Closed, o.RespState);
        var r = c.Finish();
        Assert.Equal(ConnState.SF, r.ConnState);
        Assert.Equal(CloseKind.FourWay, r.CloseKind);
        Assert.Equal(ActiveCloser.Orig, r.ActiveCloser);
        Assert.Equal("ShAFaf", r.History);
    }

    [Fact]
    public void FinWait1_FinAckCoveringFin_ThreeWayCloseEndsInTimeWait()
    {
        var c = FinWait1();
        var o = c.Server(TcpFlags.Fin | TcpFlags.Ack, ServerIsn + 1, ClientIsn + 2);
        Assert.Equal(TcpState.FinWait2, o.OrigState);
        Assert.Equal(TcpState.LastAck, o.RespState);
        o = c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        Assert.Equal(TcpState.TimeWait, o.OrigState);
        Assert.Equal(TcpState.Closed, o.RespState);
        Assert.Equal(CloseKind.ThreeWay, c.Finish().CloseKind);
    }

    [Fact]
    public void FinWait1_PeerFinBeforeOurFinArrived_EntersClosingThenTimeWait()
    {
        var c = FinWait1();
        var o = c.Server(TcpFlags.Fin | TcpFlags.Ack, ServerIsn + 1, ClientIsn + 1);
        Assert.Equal(TcpState.FinWait1, o.OrigState);
        Assert.Equal(TcpState.FinWait1, o.RespState);
        o = c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        Assert.Equal(TcpState.Closing, o.OrigState);
        Assert.Equal(TcpState.FinWait2, o.RespState);
        o = c.Server(TcpFlags.Ack, ServerIsn + 2, ClientIsn + 2);
        Assert.Equal(TcpState.TimeWait, o.OrigState);
        Assert.Equal(TcpState.TimeWait, o.RespState);
        var r = c.Finish();
        Assert.Equal(CloseKind.Simultaneous, r.CloseKind);
        Assert.Equal(ActiveCloser.Both, r.ActiveCloser);
        Assert.Equal(ConnState.SF, r.ConnState);
    }

    [Fact]
    public void FinWait2_AckOfPeerFin_EntersTimeWait()
    {
        var c = LastAck();
        var o = c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        Assert.Equal(TcpState.TimeWait, o.OrigState);
    }

    [Fact]
    public void TimeWait_Before2Msl_StaysTimeWait()
    {
        var options = new TrackerOptions { Zeek = new ZeekOptions { CloseDelayNs = 100_000 * Millisecond } };
        var c = new Conversation(options).Handshake();
        c.Client(TcpFlags.Fin | TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1);
        c.Server(TcpFlags.Fin | TcpFlags.Ack, ServerIsn + 1, ClientIsn + 2);
        c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        c.NowNs += 59_000 * Millisecond;
        c.Tracker.Flush(c.NowNs);
        Assert.Equal(TcpState.TimeWait, Assert.Single(c.Records).OrigState);
    }

    [Fact]
    public void TimeWait_After2Msl_EntersClosed()
    {
        // Zeek removes a closed connection 5 s after its last packet; keep it long enough to see 2·MSL pass.
        var options = new TrackerOptions { RecordTransitions = true, Zeek = new ZeekOptions { CloseDelayNs = 100_000 * Millisecond } };
        var c = new Conversation(options).Handshake();
        c.Client(TcpFlags.Fin | TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1);
        c.Server(TcpFlags.Fin | TcpFlags.Ack, ServerIsn + 1, ClientIsn + 2);
        c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        c.NowNs += 61_000 * Millisecond;
        c.Tracker.Flush(c.NowNs);
        var r = Assert.Single(c.Records);
        Assert.Equal(TcpState.Closed, r.OrigState);
        Assert.Equal(Lifecycle.TransitionCause.TimeWaitExpired, r.Transitions[^1].Cause);
    }

    [Fact]
    public void CloseWait_DataAfterPeerFin_IsHalfClose()
    {
        var c = FinWait2();
        c.Server(TcpFlags.Psh | TcpFlags.Ack, ServerIsn + 1, ClientIsn + 2, payload: 100);
        c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 101);
        c.Server(TcpFlags.Fin | TcpFlags.Ack, ServerIsn + 101, ClientIsn + 2);
        var o = c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 102);
        Assert.Equal(TcpState.TimeWait, o.OrigState);
        Assert.Equal(TcpState.Closed, o.RespState);
        var r = c.Finish();
        Assert.Equal(CloseKind.HalfClose, r.CloseKind);
        Assert.Equal(100UL, r.RespBytes);
        Assert.Equal("ShAFadf", r.History);
    }

    [Fact]
    public void Established_RstInWindow_ClosesBoth()
    {
        var c = Established();
        var o = c.Server(TcpFlags.Rst, ServerIsn + 1);
        Assert.Equal(TcpState.Closed, o.OrigState);
        Assert.Equal(TcpState.Closed, o.RespState);
        var r = c.Finish();
        Assert.Equal(ConnState.Rstr, r.ConnState);
        Assert.Equal(CloseKind.ResetByResponder, r.CloseKind);
        Assert.Equal(ActiveCloser.Resp, r.ActiveCloser);
    }

    [Fact]
    public void Established_RstOutOfWindow_IsFlaggedAndIgnored()
    {
        var c = Established();
        c.Client(TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1, window: 1000);
        var o = c.Server(TcpFlags.Rst, ServerIsn + 500_000);
        Assert.Equal(TcpState.Established, o.OrigState);
        Assert.Equal(TcpState.Established, o.RespState);
        Assert.Equal(1, c.Finish().IgnoredResets);
    }

    [Fact]
    public void FinWait2_RstFromPeer_ResetAfterFin()
    {
        var c = FinWait2();
        var o = c.Server(TcpFlags.Rst, ServerIsn + 1);
        Assert.Equal(TcpState.Closed, o.OrigState);
        var r = c.Finish();
        Assert.True(r.ResetAfterFin);
        Assert.Equal(ActiveCloser.Orig, r.ActiveCloser);
        Assert.Equal(CloseKind.ResetByResponder, r.CloseKind);
    }
}
