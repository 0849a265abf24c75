using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.Tcp;

// RFC 7323 §3–§5: timestamps negotiation, TS.Recent, RTTM and PAWS. Our TSval is the clock in ms plus the ISS.
public sealed class TimestampTests
{
    private const uint PeerTsVal = 70_000;

    [Fact]
    public void Closed_ActiveOpen_SynOffersTimestampsWithZeroEcr()
    {
        var c = Conn.Closed();
        c.C.OpenActive(new SeqNumber(Iss), c.Now);
        var syn = Assert.Single(c.Dispatch()).Segment;
        Assert.Equal((OurTsVal(c), 0u), syn.Timestamps);
    }

    [Fact]
    public void Closed_ActiveOpenWithTimestampsOff_SynHasNoTimestamps()
    {
        var c = Conn.Closed(DefaultConfig with { Timestamps = false });
        c.C.OpenActive(new SeqNumber(Iss), c.Now);
        Assert.Null(Assert.Single(c.Dispatch()).Segment.Timestamps);
    }

    [Fact]
    public void SynSent_SynAckWithTimestamps_EnablesThemAndEchoesTsVal()
    {
        var c = Conn.SynSent();
        var ack = Assert.Single(c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1, mss: 1460, timestamps: (PeerTsVal, 1))).Segment;
        Assert.True(c.C.TimestampsEnabled);
        Assert.Equal((OurTsVal(c), PeerTsVal), ack.Timestamps);

        // RFC 6691: the 12 option bytes come out of every segment's payload.
        Assert.Equal(1460 - 12, c.C.SendMss);
    }

    [Fact]
    public void SynSent_SynAckWithoutTimestamps_LeavesThemOff()
    {
        var c = Conn.SynSent();
        var ack = Assert.Single(c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1, mss: 1460)).Segment;
        Assert.False(c.C.TimestampsEnabled);
        Assert.Null(ack.Timestamps);
        Assert.Equal(1460, c.C.SendMss);
    }

    [Fact]
    public void Listen_SynWithTimestamps_SynAckEchoesTsVal()
    {
        var c = Conn.Listen();
        var synAck = Assert.Single(c.Receive(TcpFlags.Syn, PeerIss, 0, mss: 1460, timestamps: (PeerTsVal, 0))).Segment;
        Assert.Equal((OurTsVal(c), PeerTsVal), synAck.Timestamps);
    }

    [Fact]
    public void Listen_SynWithoutTimestamps_SynAckHasNone()
    {
        var c = Conn.Listen();
        Assert.Null(Assert.Single(c.Receive(TcpFlags.Syn, PeerIss, 0, mss: 1460)).Segment.Timestamps);
    }

    [Fact]
    public void Established_InOrderSegmentWithNewerTsVal_UpdatesTsRecent()
    {
        var c = EstablishedWithTimestamps();
        var ack = Assert.Single(c.Receive(TcpFlags.Ack | TcpFlags.Psh, PeerIss + 1, Iss + 1, [1, 2, 3], timestamps: (PeerTsVal + 5, 0))).Segment;
        AssertSegment(ack, TcpFlags.Ack, Iss + 1, PeerIss + 4);
        Assert.Equal((OurTsVal(c), PeerTsVal + 5), ack.Timestamps);
    }

    [Fact]
    public void Established_SegmentWithOlderTsVal_PawsDropsAndAcks()
    {
        var c = EstablishedWithTimestamps();
        var ack = Assert.Single(c.Receive(TcpFlags.Ack | TcpFlags.Psh, PeerIss + 1, Iss + 1, [1, 2, 3], timestamps: (PeerTsVal - 1, 0))).Segment;
        AssertSegment(ack, TcpFlags.Ack, Iss + 1, PeerIss + 1);
        Assert.Equal((OurTsVal(c), PeerTsVal), ack.Timestamps);
        Assert.Equal(0, c.C.Readable);
        Assert.Equal(1, c.C.PawsRejected);
    }

    [Fact]
    public void Established_RstWithOlderTsVal_IsNotSubjectToPaws()
    {
        var c = EstablishedWithTimestamps();
        Assert.Empty(c.Receive(TcpFlags.Rst, PeerIss + 1, 0, timestamps: (PeerTsVal - 1, 0)));
        Assert.Equal(TcpState.Closed, c.State);
        Assert.Equal(0, c.C.PawsRejected);
    }

    [Fact]
    public void Established_AckEchoingDataTsVal_SamplesRttFromTimestamps()
    {
        var c = EstablishedWithTimestamps();
        c.C.Send([9, 9, 9]);
        var data = Assert.Single(c.Dispatch()).Segment;
        c.Sink.Take();
        c.Now += TimeSpan.FromMilliseconds(30);

        // The echo is 20 ms older than the data segment, so RTTM measures 50 ms where timing the segment would give
        // 30 ms. After the SYN's 0 ms sample, SRTT = 7/8 * 0 + 1/8 * 50 ms (RFC 6298 §2.3).
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 4, timestamps: (PeerTsVal + 1, data.Timestamps!.Value.TsVal - 20));
        Assert.Equal(TimeSpan.FromMilliseconds(6.25), c.C.Rtt.Srtt);
    }

    private static uint OurTsVal(Conn c) => (uint)c.Now.TotalMilliseconds + Iss;

    private static Conn EstablishedWithTimestamps()
    {
        var c = Conn.SynSent();
        c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1, mss: 1460, timestamps: (PeerTsVal, 1));
        Assert.True(c.C.TimestampsEnabled);
        return c;
    }
}
