using SynAck.Wire.Tcp;

namespace SynAck.Wire.Tests.Tcp;

public sealed class TcpReprTests
{
    private static readonly IpAddr s_client = IpAddr.Parse("192.168.1.10");
    private static readonly IpAddr s_server = IpAddr.Parse("10.0.0.1");

    private static TcpRepr GoldenSyn => new()
    {
        SourcePort = 51234,
        DestinationPort = 443,
        Seq = new SeqNumber(0x12345678),
        Flags = TcpFlags.Syn,
        Window = 64240,
        Mss = 1460,
        SackPermitted = true,
        Timestamps = (0x01020304u, 0u),
        WindowScale = 7,
    };

    [Fact]
    public void TcpRepr_ParseGoldenSyn_ReadsOptions()
    {
        var seg = Golden.Bytes(Golden.EthernetIpv4Syn)[34..];
        TcpHeader.TryRead(seg, out var h);
        Assert.Equal(ParseStatus.Ok, TcpRepr.TryParse(h, out var r));
        Assert.Equal(GoldenSyn, r);
        Assert.Equal(40, r.HeaderLength);
    }

    [Fact]
    public void TcpRepr_EmitGoldenSyn_MatchesBytesAndChecksum()
    {
        var buf = new byte[64];
        var n = GoldenSyn.Emit(buf, default, IpPseudoHeader.ForTcp(s_client, s_server));
        Assert.Equal(40, n);
        Assert.Equal(Golden.EthernetIpv4Syn[(34 * 2)..], Convert.ToHexStringLower(buf.AsSpan(0, n)));
    }

    [Fact]
    public void TcpRepr_EmitWithPayloadOverIpv6_Verifies()
    {
        var r = new TcpRepr
        {
            SourcePort = 40000,
            DestinationPort = 80,
            Seq = new SeqNumber(1000),
            Ack = new SeqNumber(2000),
            Flags = TcpFlags.Psh | TcpFlags.Ack,
            Window = 1024,
            Timestamps = (10u, 20u),
        };
        var buf = new byte[100];
        var ph = IpPseudoHeader.ForTcp(IpAddr.Parse("2001:db8::1"), IpAddr.Parse("2001:db8::2"));
        var n = r.Emit(buf, "hello"u8, ph);
        Assert.Equal(37, n);
        Assert.Equal(Golden.RawIpv6Data[(40 * 2)..], Convert.ToHexStringLower(buf.AsSpan(0, n)));
        Assert.True(InternetChecksum.VerifyWithPseudoHeader(ph with { Length = n }, buf.AsSpan(0, n)));
    }

    [Fact]
    public void TcpRepr_SackWithTimestamps_EmitsAtMostThreeBlocks()
    {
        var sack = default(SackBlocks);
        for (uint i = 0; i < 4; i++)
        {
            sack = sack.Add(new SeqNumber(i * 100), new SeqNumber((i * 100) + 50));
        }

        var r = new TcpRepr { Flags = TcpFlags.Ack, Timestamps = (1u, 2u), Sack = sack };
        Assert.Equal(20 + 12 + 4 + 24, r.HeaderLength);
        var buf = new byte[60];
        r.Emit(buf, default, IpPseudoHeader.ForTcp(s_client, s_server));
        TcpHeader.TryRead(buf, out var h);
        Assert.Equal(ParseStatus.Ok, TcpRepr.TryParse(h, out var back));
        Assert.Equal(r with { Sack = sack.Take(3) }, back);
    }

    [Fact]
    public void TcpRepr_MssWithWrongLength_ReturnsBadOption()
    {
        var seg = new byte[24];
        seg[12] = 0x60;
        seg[20] = 2;
        seg[21] = 3;
        seg[22] = 5;
        seg[23] = 1;
        TcpHeader.TryRead(seg, out var h);
        Assert.Equal(ParseStatus.BadOption, TcpRepr.TryParse(h, out var r));
        Assert.Null(r.Mss);
    }

    [Fact]
    public void TcpRepr_DestinationTooShort_Throws()
    {
        var ph = IpPseudoHeader.ForTcp(s_client, s_server);
        Assert.Throws<ArgumentException>(() => GoldenSyn.Emit(new byte[39], default, ph));
    }
}
