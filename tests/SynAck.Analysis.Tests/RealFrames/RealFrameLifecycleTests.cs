using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.RealFrames;

/// <summary>
/// Lifecycles built as real frames (emitters, pcap writer, reader, decoder, tracker) rather than
/// <see cref="Input.TcpSegment"/> values: the whole path agrees with the state unit tests.
/// </summary>
public class RealFrameLifecycleTests
{
    private const TcpFlags SynAck = TcpFlags.Syn | TcpFlags.Ack;
    private const TcpFlags FinAck = TcpFlags.Fin | TcpFlags.Ack;
    private const TcpFlags RstAck = TcpFlags.Rst | TcpFlags.Ack;
    private const TcpFlags PshAck = TcpFlags.Psh | TcpFlags.Ack;

    private static void Handshake(FrameScript s, uint clientIsn = 1000, uint serverIsn = 5000)
    {
        s.Client(TcpFlags.Syn, clientIsn, mss: 1460);
        s.Server(SynAck, serverIsn, clientIsn + 1, mss: 1400);
        s.Client(TcpFlags.Ack, clientIsn + 1, serverIsn + 1);
    }

    private static void FourWayClose(FrameScript s, uint clientIsn = 1000, uint serverIsn = 5000)
    {
        s.Client(PshAck, clientIsn + 1, serverIsn + 1, payload: 10);
        s.Server(TcpFlags.Ack, serverIsn + 1, clientIsn + 11);
        s.Client(FinAck, clientIsn + 11, serverIsn + 1);
        s.Server(TcpFlags.Ack, serverIsn + 1, clientIsn + 12);
        s.Server(FinAck, serverIsn + 1, clientIsn + 12);
        s.Client(TcpFlags.Ack, clientIsn + 12, serverIsn + 2);
    }

    [Fact]
    public void Handshake_RealFrames_BothEstablishedS1()
    {
        var s = FrameScript.V4();
        Handshake(s);

        var counters = s.Run();

        var r = Assert.Single(s.Records);
        Assert.Equal(3, counters.Segments);
        Assert.Equal(0, counters.BadChecksums);
        Assert.Equal(ConnState.S1, r.ConnState);
        Assert.Equal("ShA", r.History);
        Assert.Equal(TcpState.Established, r.OrigState);
        Assert.Equal(TcpState.Established, r.RespState);
        Assert.Equal(CloseKind.Open, r.CloseKind);
        Assert.Equal(ActiveCloser.None, r.ActiveCloser);
        Assert.True(r.Handshake.Valid);
        Assert.Equal(1000u, r.Handshake.OrigIsn);
        Assert.Equal(5000u, r.Handshake.RespIsn);
        Assert.Equal((ushort)1460, r.Handshake.OrigMss);
        Assert.Equal((ushort)1400, r.Handshake.RespMss);
        Assert.Equal((2UL, 1UL), (r.OrigPackets, r.RespPackets));
        // IPv4 20 + TCP 20, plus 4 bytes of MSS option on the SYN and the SYN+ACK.
        Assert.Equal((44UL + 40, 44UL), (r.OrigIpBytes, r.RespIpBytes));
    }

    [Fact]
    public void FourWayClose_RealFrames_ClientTimeWaitServerClosed()
    {
        var s = FrameScript.V4();
        Handshake(s);
        FourWayClose(s);

        s.Run();

        var r = Assert.Single(s.Records);
        Assert.Equal(ConnState.SF, r.ConnState);
        Assert.Equal("ShADaFf", r.History);
        Assert.Equal(TcpState.TimeWait, r.OrigState);
        Assert.Equal(TcpState.Closed, r.RespState);
        Assert.Equal(CloseKind.FourWay, r.CloseKind);
        Assert.Equal(ActiveCloser.Orig, r.ActiveCloser);
        Assert.Equal((10UL, 0UL), (r.OrigBytes, r.RespBytes));
        Assert.Equal((5UL, 4UL), (r.OrigPackets, r.RespPackets));
    }

    [Fact]
    public void FourWayClose_RealIpv6Frames_SameLifecycle()
    {
        var s = FrameScript.V6();
        Handshake(s);
        FourWayClose(s);

        s.Run();

        var r = Assert.Single(s.Records);
        Assert.True(r.OrigHost.IsV6);
        Assert.Equal(ConnState.SF, r.ConnState);
        Assert.Equal("ShADaFf", r.History);
        Assert.Equal(TcpState.TimeWait, r.OrigState);
        Assert.Equal(TcpState.Closed, r.RespState);
        Assert.Equal(CloseKind.FourWay, r.CloseKind);
        // IPv6 40 + TCP 20 per packet; the SYN's MSS option 4, the data 10.
        Assert.Equal((60UL * 5) + 4 + 10, r.OrigIpBytes);
    }

    [Fact]
    public void SimultaneousClose_RealFrames_BothTimeWaitThroughClosing()
    {
        var s = FrameScript.V4();
        Handshake(s);
        s.Client(FinAck, 1001, 5001);
        s.Server(FinAck, 5001, 1001); // sent before the client's FIN arrived: it does not acknowledge it
        s.Client(TcpFlags.Ack, 1002, 5002);
        s.Server(TcpFlags.Ack, 5002, 1002);

        s.Run();

        var r = Assert.Single(s.Records);
        Assert.Equal(ConnState.SF, r.ConnState);
        Assert.Equal("ShAFfa", r.History);
        Assert.Equal(TcpState.TimeWait, r.OrigState);
        Assert.Equal(TcpState.TimeWait, r.RespState);
        Assert.Equal(CloseKind.Simultaneous, r.CloseKind);
        Assert.Equal(ActiveCloser.Both, r.ActiveCloser);
    }

    [Fact]
    public void RstAnsweringSyn_RealFrames_RefusedRej()
    {
        var s = FrameScript.V4();
        s.Client(TcpFlags.Syn, 1000, mss: 1460);
        s.Server(RstAck, 0, 1001);

        s.Run();

        var r = Assert.Single(s.Records);
        Assert.Equal(ConnState.Rej, r.ConnState);
        Assert.Equal("Sr", r.History);
        Assert.Equal(TcpState.Closed, r.OrigState);
        Assert.Equal(TcpState.Closed, r.RespState);
        Assert.Equal(CloseKind.Refused, r.CloseKind);
        Assert.Equal(ActiveCloser.None, r.ActiveCloser);
        Assert.False(r.Handshake.Complete);
    }

    [Fact]
    public void PortReuseWithNewIsn_RealFrames_TwoRecords()
    {
        var s = FrameScript.V4();
        Handshake(s);
        FourWayClose(s);
        s.NowNs += 1_000_000_000;
        Handshake(s, clientIsn: 90000, serverIsn: 70000);
        s.Client(RstAck, 90001, 70001);

        s.Run();

        Assert.Equal(2, s.Records.Count);
        var (first, second) = (s.Records[0], s.Records[1]);
        Assert.NotEqual(first.Uid, second.Uid);
        Assert.Equal(RemovalReason.Reused, first.RemovalReason);
        Assert.Equal(ConnState.SF, first.ConnState);
        Assert.Equal("ShADaFf", first.History);
        Assert.Equal(TcpState.TimeWait, first.OrigState);
        Assert.Equal(CloseKind.FourWay, first.CloseKind);
        Assert.Equal(1L, first.FirstFrame);
        Assert.Equal(9L, first.LastFrame);
        Assert.Equal(ConnState.Rsto, second.ConnState);
        Assert.Equal("ShAR", second.History);
        Assert.Equal(90000u, second.Handshake.OrigIsn);
        Assert.Equal(TcpState.Closed, second.OrigState);
        Assert.Equal(TcpState.Closed, second.RespState);
        Assert.Equal(CloseKind.ResetByOriginator, second.CloseKind);
        Assert.Equal(ActiveCloser.Orig, second.ActiveCloser);
        Assert.Equal(10L, second.FirstFrame);
    }

    [Fact]
    public void FourWayCloseInGre_RealFrames_InnerTupleAndOneGreParent()
    {
        var s = FrameScript.V4();
        s.ClientGre = (IpAddr.Parse("198.51.100.1"), IpAddr.Parse("198.51.100.2"));
        s.ServerGre = (IpAddr.Parse("198.51.100.2"), IpAddr.Parse("198.51.100.1"));
        Handshake(s);
        FourWayClose(s);

        s.Run();

        var r = Assert.Single(s.Records);
        Assert.Equal(IpAddr.Parse("192.0.2.1"), r.OrigHost);
        Assert.Equal(ConnState.SF, r.ConnState);
        Assert.Equal("ShADaFf", r.History);
        Assert.Equal(CloseKind.FourWay, r.CloseKind);
        var parent = Assert.Single(r.TunnelParents);
        Assert.Equal(TunnelKind.Gre, parent.Kind);
        Assert.Equal(IpAddr.Parse("198.51.100.1"), parent.SourceHost);
    }

    [Fact]
    public void OnlyClientInGre_RealFrames_SixthEncapsulationChangeAddsX()
    {
        // Client packets in GRE, server packets plain: packets 2, 3, 5, 6, 7 and 9 change the encapsulation; Zeek
        // reports five changes (Tunnel::max_changes_per_connection) and marks the sixth with 'X'.
        var s = FrameScript.V4();
        s.ClientGre = (IpAddr.Parse("198.51.100.1"), IpAddr.Parse("198.51.100.2"));
        Handshake(s);
        FourWayClose(s);

        s.Run();

        var r = Assert.Single(s.Records);
        Assert.Equal(ConnState.SF, r.ConnState);
        Assert.Equal("ShADaFfX", r.History);
        Assert.Single(r.TunnelParents);
    }
}
