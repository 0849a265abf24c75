using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.Tcp;

// RFC 2018: SACK-permitted on the SYNs and the receiver's SACK blocks.
public sealed class SackTests
{
    [Fact]
    public void Listen_SynWithSackPermitted_SynAckOffersIt()
    {
        var c = Conn.Listen();
        Assert.True(Assert.Single(c.Receive(TcpFlags.Syn, PeerIss, 0, mss: 1460, sackPermitted: true)).Segment.SackPermitted);
        Assert.True(c.C.SackEnabled);
    }

    [Fact]
    public void Listen_SynWithoutSackPermitted_SynAckDoesNotOfferIt()
    {
        var c = Conn.Listen();
        Assert.False(Assert.Single(c.Receive(TcpFlags.Syn, PeerIss, 0, mss: 1460)).Segment.SackPermitted);
        Assert.False(c.C.SackEnabled);
    }

    [Fact]
    public void Established_OutOfOrderSegment_AckCarriesItsBlock()
    {
        var c = EstablishedWithSack();
        var ack = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 101, Iss + 1, new byte[10])).Segment;
        AssertSegment(ack, TcpFlags.Ack, Iss + 1, PeerIss + 1);
        Assert.Equal(default(SackBlocks).Add(new SeqNumber(PeerIss + 101), new SeqNumber(PeerIss + 111)), ack.Sack);
    }

    [Fact]
    public void Established_SecondOutOfOrderSegment_ItsBlockComesFirst()
    {
        var c = EstablishedWithSack();
        c.Receive(TcpFlags.Ack, PeerIss + 101, Iss + 1, new byte[10]);
        var ack = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 301, Iss + 1, new byte[10])).Segment;
        var expected = default(SackBlocks)
            .Add(new SeqNumber(PeerIss + 301), new SeqNumber(PeerIss + 311))
            .Add(new SeqNumber(PeerIss + 101), new SeqNumber(PeerIss + 111));
        Assert.Equal(expected, ack.Sack);
    }

    [Fact]
    public void Established_GapFilled_AckHasNoBlocks()
    {
        var c = EstablishedWithSack();
        c.Receive(TcpFlags.Ack, PeerIss + 101, Iss + 1, new byte[10]);
        var ack = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 1, new byte[100])).Segment;
        AssertSegment(ack, TcpFlags.Ack, Iss + 1, PeerIss + 111);
        Assert.True(ack.Sack.IsEmpty);
    }

    [Fact]
    public void Established_WithoutSackPermitted_OutOfOrderAckHasNoBlocks()
    {
        var c = Conn.SynSent();
        c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1, mss: 1460);
        var ack = Assert.Single(c.Receive(TcpFlags.Ack, PeerIss + 101, Iss + 1, new byte[10])).Segment;
        Assert.True(ack.Sack.IsEmpty);
    }

    private static Conn EstablishedWithSack()
    {
        var c = Conn.SynSent();
        c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1, mss: 1460, sackPermitted: true);
        Assert.True(c.C.SackEnabled);
        return c;
    }
}
