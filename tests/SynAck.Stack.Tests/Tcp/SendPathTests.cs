using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.Tcp;

// Sending: retransmission (RFC 6298), Nagle (RFC 9293 §3.7.4), zero-window probing (§3.8.6.1), fast retransmit (RFC 5681/6582).
public sealed class SendPathTests
{
    [Fact]
    public void Established_RetransmissionTimeout_ResendsFromSndUnaWithBackoff()
    {
        var c = Conn.Established();
        c.C.Send(new byte[100]);
        c.Dispatch();
        var first = Assert.Single(c.Advance(TimeSpan.FromSeconds(1)));
        AssertSegment(first.Segment, TcpFlags.Ack | TcpFlags.Psh, Iss + 1, PeerIss + 1);
        Assert.Equal(100, first.Payload.Length);
        Assert.Equal(TimeSpan.FromSeconds(2), c.C.Rtt.Rto);
        Assert.Empty(c.Advance(TimeSpan.FromSeconds(1.999)));
        Assert.Single(c.Advance(TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void Established_AckAfterRetransmission_TakesNoRttSample()
    {
        var c = Conn.Established();
        c.C.Send(new byte[10]);
        c.Dispatch();
        c.Advance(TimeSpan.FromSeconds(1));
        c.Now += TimeSpan.FromMilliseconds(300);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 11);

        // Karn's rule: SRTT keeps the handshake's 0 ms sample and the backoff stays.
        Assert.Equal(TimeSpan.Zero, c.C.Rtt.Srtt);
        Assert.Equal(1, c.C.Rtt.Backoffs);
    }

    [Fact]
    public void Established_NagleOn_HoldsSmallSegmentWhileDataUnacked()
    {
        var c = Conn.Established();
        c.C.Send([1]);
        Assert.Single(c.Dispatch());
        c.Sink.Take();
        c.C.Send([2]);
        Assert.Empty(c.Dispatch());
        var (seg, payload) = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 2));
        Assert.Equal(new SeqNumber(Iss + 2), seg.Seq);
        Assert.Equal(new byte[] { 2 }, payload);
    }

    [Fact]
    public void Established_NagleOff_SendsSmallSegmentsAtOnce()
    {
        var c = Conn.Established(DefaultConfig with { Nagle = false });
        c.C.Send([1]);
        c.Dispatch();
        c.Sink.Take();
        c.C.Send([2]);
        Assert.Single(c.Dispatch());
    }

    [Fact]
    public void Established_SegmentsSplitAtSendMss_NagleHoldsTheRunt()
    {
        var c = Conn.Established();
        c.C.Send(new byte[3000]);
        Assert.Equal([1460, 1460], c.Dispatch().Select(s => s.Payload.Length));
        c.Sink.Take();
        var (seg, payload) = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 2921));
        Assert.Equal(new SeqNumber(Iss + 2921), seg.Seq);
        Assert.Equal(80, payload.Length);
    }

    [Fact]
    public void Established_ZeroWindow_ProbesWithOneByteAndBacksOff()
    {
        var c = Conn.Established();
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, window: 0);
        c.C.Send([1, 2, 3]);
        Assert.Empty(c.Dispatch());
        var probe = Assert.Single(c.Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal(new SeqNumber(Iss + 1), probe.Segment.Seq);
        Assert.Equal(new byte[] { 1 }, probe.Payload);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, window: 0);
        Assert.Empty(c.Advance(TimeSpan.FromSeconds(1)));
        Assert.Single(c.Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal(TcpState.Established, c.State);
    }

    [Fact]
    public void Established_WindowReopens_SendsQueuedData()
    {
        var c = Conn.Established();
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, window: 0);
        c.C.Send([1, 2, 3]);
        c.Dispatch();
        var (_, payload) = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, window: 100));
        Assert.Equal(new byte[] { 1, 2, 3 }, payload);
    }

    [Fact]
    public void Established_ThreeDuplicateAcks_FastRetransmitsHead()
    {
        var c = Conn.Established();
        c.C.Send(new byte[1460 * 3]);
        Assert.Equal(3, c.Dispatch().Count);
        c.Sink.Take();
        Assert.Empty(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1));
        Assert.Empty(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1));
        var (seg, payload) = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1));
        Assert.Equal(new SeqNumber(Iss + 1), seg.Seq);
        Assert.Equal(1460, payload.Length);
        Assert.True(c.C.Congestion.InRecovery);
        Assert.Equal(1, c.C.Retransmissions);
    }

    [Fact]
    public void Established_PartialAckInRecovery_RetransmitsNextHole()
    {
        var c = Conn.Established();
        c.C.Send(new byte[1460 * 3]);
        c.Dispatch();
        for (var i = 0; i < 3; i++)
        {
            c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1);
        }

        var sent = c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1 + 1460);
        Assert.Equal(new SeqNumber(Iss + 1 + 1460), sent[0].Segment.Seq);
        Assert.True(c.C.Congestion.InRecovery);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1 + (1460 * 3));
        Assert.False(c.C.Congestion.InRecovery);
    }
}
