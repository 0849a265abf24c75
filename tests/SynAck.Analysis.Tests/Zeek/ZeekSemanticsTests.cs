using SynAck.Analysis.Input;
using SynAck.Analysis.Tests.Fixtures;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;
using static SynAck.Analysis.Tests.Fixtures.Conversation;

namespace SynAck.Analysis.Tests.Zeek;

public class ZeekSemanticsTests
{
    [Fact]
    public void History_RetransmissionsAreLogarithmic_T1T10T100()
    {
        var c = Established();
        c.Client(TcpFlags.Psh | TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1, payload: 10);
        for (var i = 0; i < 100; i++)
        {
            c.Client(TcpFlags.Psh | TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1, payload: 10);
        }

        Assert.Equal("ShADTTT", c.Finish().History);
    }

    [Fact]
    public void History_ZeroWindowCountsOnce_ThenAtTen()
    {
        var c = Established();
        for (var i = 0; i < 10; i++)
        {
            c.Server(TcpFlags.Ack, ServerIsn + 1, ClientIsn + 1, window: 0);
        }

        Assert.Equal("ShAaww", c.Finish().History);
    }

    [Fact]
    public void Midstream_FromLikelyServerPort_FlipsRoles()
    {
        var c = new Conversation { ServerPort = 443 };
        c.Server(TcpFlags.Psh | TcpFlags.Ack, ServerIsn + 1, ClientIsn + 1, payload: 50);
        c.Client(TcpFlags.Ack, ClientIsn + 1, ServerIsn + 51);
        var r = c.Finish();
        Assert.Equal("^dA", r.History);
        Assert.Equal(ClientAddress, r.OrigHost);
        Assert.Equal((ushort)443, r.RespPort);
        Assert.Equal(ConnState.Oth, r.ConnState);
    }

    [Fact]
    public void SynAckFirst_ThenAck_FlipsToCaretH()
    {
        var c = new Conversation();
        c.Server(TcpFlags.Syn | TcpFlags.Ack, ServerIsn, ClientIsn + 1);
        c.Client(TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1);
        var r = c.Finish();
        Assert.Equal("^hA", r.History);
        Assert.Equal(ClientAddress, r.OrigHost);
    }

    [Fact]
    public void BadChecksum_WhenVerifying_OnlyHistoryC()
    {
        var c = new Conversation(new TrackerOptions { Zeek = new ZeekOptions { VerifyChecksums = true } });
        c.Send(true, TcpFlags.Syn, ClientIsn, 0, 0, 1000, null, ChecksumStatus.Bad);
        var r = c.Finish();
        Assert.Equal(ConnState.Oth, r.ConnState);
        Assert.Equal("C", r.History);
        Assert.Equal(0UL, r.OrigPackets);
    }

    [Fact]
    public void BadChecksum_WhenNotVerifying_IsProcessed()
    {
        var c = new Conversation();
        c.Send(true, TcpFlags.Syn, ClientIsn, 0, 0, 1000, null, ChecksumStatus.Bad);
        var r = c.Finish();
        Assert.Equal(ConnState.S0, r.ConnState);
        Assert.Equal("S", r.History);
        Assert.Equal(1UL, r.OrigPackets);
    }

    [Fact]
    public void SynThenRst_NoAnswer_IsRstos0()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        c.Client(TcpFlags.Rst, ClientIsn + 1);
        var r = c.Finish();
        Assert.Equal(ConnState.Rstos0, r.ConnState);
        Assert.Equal("SR", r.History);
    }

    [Fact]
    public void OrigBytes_FromSequenceNumbers_IncludeUnseenData()
    {
        var c = Established();
        c.Client(TcpFlags.Psh | TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1, payload: 100);
        c.Server(TcpFlags.Ack, ServerIsn + 1, ClientIsn + 301);
        var r = c.Finish();
        Assert.Equal(300UL, r.OrigBytes);
        Assert.Equal(200UL, r.MissedBytes);
        Assert.Equal("ShADaG", r.History);
    }

    [Theory]
    [InlineData("^SR", true)]
    [InlineData("SaR", true)]
    [InlineData("SaFR", false)]
    [InlineData("ShR", true)]
    [InlineData("^hR", false)]
    [InlineData("R", false)]
    public void ConnHistory_MatchesRstOs0_AsZeekPattern(string history, bool expected)
    {
        var h = default(ConnHistory);
        h.Replace(history);
        Assert.Equal(expected, h.MatchesRstOs0());
    }
}
