using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Stack.Tests.Fixtures.Conn;

namespace SynAck.Stack.Tests.States;

// RFC 9293 §3.10.7.1: SEGMENT ARRIVES in CLOSED.
public sealed class ClosedTests
{
    [Fact]
    public void Closed_Syn_SendsRstAckCoveringSegment()
    {
        var c = Conn.Closed();
        var out1 = c.Receive(TcpFlags.Syn, PeerIss, 0);
        Assert.Single(out1);
        AssertSegment(out1[0].Segment, TcpFlags.Rst | TcpFlags.Ack, 0, PeerIss + 1);
    }

    [Fact]
    public void Closed_DataWithoutAck_AckCoversPayload()
    {
        var c = Conn.Closed();
        var out1 = c.Receive(TcpFlags.Psh, PeerIss, 0, new byte[10]);
        AssertSegment(out1[0].Segment, TcpFlags.Rst | TcpFlags.Ack, 0, PeerIss + 10);
    }

    [Fact]
    public void Closed_Ack_SendsRstWithSeqOfSegmentAck()
    {
        var c = Conn.Closed();
        var out1 = c.Receive(TcpFlags.Ack, PeerIss, 777);
        AssertSegment(out1[0].Segment, TcpFlags.Rst, 777);
    }

    [Fact]
    public void Closed_Rst_IsDiscarded()
    {
        var c = Conn.Closed();
        Assert.Empty(c.Receive(TcpFlags.Rst, PeerIss, 0));
    }

    [Fact]
    public void Closed_ActiveOpen_SendsSynAndEntersSynSent()
    {
        var c = Conn.Closed();
        c.C.OpenActive(new SeqNumber(Iss), c.Now);
        var sent = c.Dispatch();
        Assert.Equal(TcpState.SynSent, c.State);
        var syn = Assert.Single(sent).Segment;
        AssertSegment(syn, TcpFlags.Syn, Iss);
        Assert.Equal((ushort)1460, syn.Mss);
        Assert.Equal((byte)0, syn.WindowScale);
        Assert.Equal((ushort)65535, syn.Window);
    }

    [Fact]
    public void Closed_PassiveOpen_EntersListen()
    {
        var c = Conn.Listen();
        Assert.Equal(TcpState.Listen, c.State);
        Assert.Equal(SynAck.Stack.Tcp.TransitionCause.PassiveOpen, c.Transitions[^1].Cause);
    }
}
