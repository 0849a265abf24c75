using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.4 in ESTABLISHED, with RFC 5961 for RST and SYN.
public sealed class EstablishedTests
{
    [Fact]
    public void Established_Data_DeliversAndAcks()
    {
        var c = Conn.Established();
        var ack = Assert.Single(c.Receive(TcpFlags.Ack | TcpFlags.Psh, PeerIss + 1, Iss + 1, [1, 2, 3])).Segment;
        AssertSegment(ack, TcpFlags.Ack, Iss + 1, PeerIss + 4);
        var buf = new byte[10];
        Assert.Equal(3, c.C.Receive(buf));
        Assert.Equal(new byte[] { 1, 2, 3 }, buf[..3]);
    }

    [Fact]
    public void Established_OutOfOrderData_DuplicateAckThenAllDeliveredWhenGapFills()
    {
        var c = Conn.Established();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 4, Iss + 1, [4, 5])).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 1);
        Assert.Equal(0, c.C.Readable);
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, [1, 2, 3])).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 6);
        var buf = new byte[10];
        Assert.Equal(5, c.C.Receive(buf));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, buf[..5]);
    }

    [Fact]
    public void Established_OverlappingRetransmission_DeliversOnlyNewBytes()
    {
        var c = Conn.Established();
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, [1, 2, 3]);
        AssertSegment(c.Receive(TcpFlags.Ack, PeerIss + 2, Iss + 1, [2, 3, 4])[0].Segment, TcpFlags.Ack, Iss + 1, PeerIss + 5);
        var buf = new byte[10];
        Assert.Equal(4, c.C.Receive(buf));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, buf[..4]);
    }

    [Fact]
    public void Established_SegmentBeyondWindow_SendsAckAndDrops()
    {
        var c = Conn.Established();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1 + 70000, Iss + 1, [9])).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 1);
        Assert.Equal(0, c.C.Readable);
        Assert.Equal(1, c.C.UnacceptableSegments);
    }

    [Fact]
    public void Established_RstAtRcvNxt_ClosesWithReset()
    {
        var c = Conn.Established();
        Assert.Empty(c.Receive(TcpFlags.Rst, PeerIss + 1, 0));
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TcpError.ConnectionReset, c.C.Error);
    }

    [Fact]
    public void Established_RstInWindowNotExact_SendsChallengeAck()
    {
        var c = Conn.Established();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Rst, PeerIss + 100, 0)).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 1);
        Assert.Equal(TcpState.Established, c.State);
    }

    [Fact]
    public void Established_RstOutsideWindow_IsDropped()
    {
        var c = Conn.Established();
        Assert.Empty(c.Receive(TcpFlags.Rst, PeerIss + 100_000, 0));
        Assert.Equal(TcpState.Established, c.State);
    }

    [Fact]
    public void Established_Syn_SendsChallengeAck()
    {
        var c = Conn.Established();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Syn, PeerIss + 1, 0)).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 1);
        Assert.Equal(TcpState.Established, c.State);
    }

    [Fact]
    public void Established_ChallengeAcksBeyondLimit_AreSuppressed()
    {
        // The fixture's limiter allows 2 challenge ACKs per second (RFC 5961 §7).
        var c = Conn.Established();
        Assert.Single(c.Receive(TcpFlags.Syn, PeerIss + 1, 0));
        Assert.Single(c.Receive(TcpFlags.Syn, PeerIss + 1, 0));
        Assert.Empty(c.Receive(TcpFlags.Syn, PeerIss + 1, 0));
        c.Now += TimeSpan.FromSeconds(1);
        Assert.Single(c.Receive(TcpFlags.Syn, PeerIss + 1, 0));
    }

    [Fact]
    public void Established_AckOfUnsentData_SendsAckAndDrops()
    {
        var c = Conn.Established();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 500, [7])).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 1);
        Assert.Equal(0, c.C.Readable);
    }

    [Fact]
    public void Established_SegmentWithoutAck_IsDropped()
    {
        var c = Conn.Established();
        Assert.Empty(c.Receive(TcpFlags.Psh, PeerIss + 1, 0, [1]));
        Assert.Equal(0, c.C.Readable);
    }

    [Fact]
    public void Established_Fin_AcksAndEntersCloseWait()
    {
        var c = Conn.Established();
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 1, Iss + 1)).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 2);
        Assert.Equal(TcpState.CloseWait, c.State);
        Assert.True(c.C.RemoteClosed);
    }

    [Fact]
    public void Established_FinPastGap_WaitsForMissingData()
    {
        var c = Conn.Established();
        c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 3, Iss + 1, [3]);
        Assert.Equal(TcpState.Established, c.State);
        AssertSegment(Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, [1, 2])).Segment, TcpFlags.Ack, Iss + 1, PeerIss + 5);
        Assert.Equal(TcpState.CloseWait, c.State);
    }

    [Fact]
    public void Established_Close_SendsFinAndEntersFinWait1()
    {
        var c = Conn.Established();
        c.C.Close(c.Now);
        AssertSegment(Assert.Single(c.Dispatch()).Segment, TcpFlags.Fin | TcpFlags.Ack, Iss + 1, PeerIss + 1);
        Assert.Equal(TcpState.FinWait1, c.State);
    }

    [Fact]
    public void Established_Abort_SendsRstAndCloses()
    {
        var c = Conn.Established();
        c.C.Abort(c.Now);
        AssertSegment(Assert.Single(c.Dispatch()).Segment, TcpFlags.Rst, Iss + 1);
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(TcpError.Aborted, c.C.Error);
    }

    [Fact]
    public void Established_Send_EmitsDataWithPsh()
    {
        var c = Conn.Established();
        Assert.Equal(5, c.C.Send([1, 2, 3, 4, 5]));
        var (seg, payload) = Assert.Single(c.Dispatch());
        AssertSegment(seg, TcpFlags.Ack | TcpFlags.Psh, Iss + 1, PeerIss + 1);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, payload);
    }

    [Fact]
    public void Established_AckOfData_ReleasesBufferAndStopsTimer()
    {
        var c = Conn.Established();
        c.C.Send(new byte[100]);
        c.Dispatch();
        c.Sink.Take();
        c.Now += TimeSpan.FromMilliseconds(50);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 101);
        Assert.Equal(0, c.C.SendQueued);
        Assert.Equal(Instant.Never, c.C.NextDeadline);
        // The handshake sampled 0 ms; RFC 6298 §2.3: SRTT = 7/8 * 0 + 1/8 * 50 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(6.25), c.C.Rtt.Srtt);
    }

    [Fact]
    public void Established_WindowUpdate_UpdatesSndWnd()
    {
        var c = Conn.Established();
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, window: 1234);
        Assert.Equal(1234u, c.C.SndWnd);
        Assert.Equal(new SeqNumber(PeerIss + 1), c.C.SndWl1);
    }

    [Fact]
    public void Established_OldSegment_DoesNotUpdateWindow()
    {
        var c = Conn.Established();
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, [1, 2], window: 1000);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, window: 10);
        Assert.Equal(1000u, c.C.SndWnd);
        c.Receive(TcpFlags.Ack, PeerIss + 3, Iss + 1, window: 500);
        Assert.Equal(500u, c.C.SndWnd);
    }
}
