using SynAck.Analysis.Tests.Fixtures;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.States;

// RFC 9293 §3.4: sequence space arithmetic is modulo 2^32; connections crossing 2^32 must not be confused.
public class SequenceWrapTests
{
    private const uint ClientIsn = 0xFFFF_FF00;
    private const uint ServerIsn = 0xFFFF_FFF0;

    [Fact]
    public void Established_DataAndFinAcrossWrap_ClosesAndCountsBytes()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        c.Server(TcpFlags.Syn | TcpFlags.Ack, ServerIsn, ClientIsn + 1);
        c.Client(TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1);
        c.Client(TcpFlags.Psh | TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1, payload: 1000);
        var ackAfterWrap = unchecked(ClientIsn + 1001);
        Assert.True(ackAfterWrap < 1000);
        c.Server(TcpFlags.Ack, ServerIsn + 1, ackAfterWrap);
        var o = c.Client(TcpFlags.Fin | TcpFlags.Ack, ackAfterWrap, ServerIsn + 1);
        Assert.Equal(TcpState.FinWait1, o.OrigState);
        o = c.Server(TcpFlags.Fin | TcpFlags.Ack, unchecked(ServerIsn + 1), unchecked(ackAfterWrap + 1));
        Assert.Equal(TcpState.FinWait2, o.OrigState);
        Assert.Equal(TcpState.LastAck, o.RespState);
        o = c.Client(TcpFlags.Ack, unchecked(ackAfterWrap + 1), unchecked(ServerIsn + 2));
        Assert.Equal(TcpState.TimeWait, o.OrigState);
        Assert.Equal(TcpState.Closed, o.RespState);
        var r = c.Finish();
        Assert.Equal(ConnState.SF, r.ConnState);
        Assert.Equal(1000UL, r.OrigBytes);
        Assert.Equal(0UL, r.RespBytes);
        Assert.Equal("ShADaFf", r.History);
    }

    [Fact]
    public void FinWait1_AckBeforeWrappedFin_StaysFinWait1()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, uint.MaxValue - 1);
        c.Server(TcpFlags.Syn | TcpFlags.Ack, 7, uint.MaxValue);
        c.Client(TcpFlags.Ack, uint.MaxValue, 8);
        c.Client(TcpFlags.Fin | TcpFlags.Ack, uint.MaxValue, 8);
        var o = c.Server(TcpFlags.Ack, 8, uint.MaxValue);
        Assert.Equal(TcpState.FinWait1, o.OrigState);
        o = c.Server(TcpFlags.Ack, 8, 0);
        Assert.Equal(TcpState.FinWait2, o.OrigState);
    }
}
