using SynAck.Wire.Ip;

namespace SynAck.Wire.Tests.Ip;

public sealed class Ipv4HeaderTests
{
    private static byte[] GoldenPacket => Golden.Bytes(Golden.EthernetIpv4Syn)[14..];

    [Fact]
    public void Ipv4Header_Golden_ReadsEveryField()
    {
        Assert.Equal(ParseStatus.Ok, Ipv4Header.TryRead(GoldenPacket, out var h));
        Assert.Equal(4, h.Version);
        Assert.Equal(20, h.HeaderLength);
        Assert.Equal(0, h.TypeOfService);
        Assert.Equal(0, h.Ecn);
        Assert.Equal(60, h.TotalLength);
        Assert.Equal(0x1C46, h.Identification);
        Assert.True(h.DontFragment);
        Assert.False(h.MoreFragments);
        Assert.Equal(0, h.FragmentOffset);
        Assert.False(h.IsFragment);
        Assert.Equal(64, h.Ttl);
        Assert.Equal(6, h.Protocol);
        Assert.Equal(0x52C3, h.Checksum);
        Assert.Equal(IpAddr.Parse("192.168.1.10"), h.Source);
        Assert.Equal(IpAddr.Parse("10.0.0.1"), h.Destination);
        Assert.Equal(0, h.Options.Length);
        Assert.Equal(40, h.Payload.Length);
        Assert.True(h.ChecksumValid);
    }

    [Fact]
    public void Ipv4Repr_EmitGolden_MatchesBytes()
    {
        var r = new Ipv4Repr
        {
            Source = IpAddr.Parse("192.168.1.10"),
            Destination = IpAddr.Parse("10.0.0.1"),
            Protocol = 6,
            PayloadLength = 40,
            Identification = 0x1C46,
            DontFragment = true,
        };
        var buf = new byte[20];
        Assert.Equal(20, r.Emit(buf));
        Assert.Equal(Convert.ToHexStringLower(GoldenPacket.AsSpan(0, 20)), Convert.ToHexStringLower(buf));
        Ipv4Header.TryRead(GoldenPacket, out var h);
        Assert.Equal(ParseStatus.Ok, Ipv4Repr.TryParse(h, out var back));
        Assert.Equal(r, back);
    }

    [Fact]
    public void Ipv4Header_EveryTruncation_ReturnsTruncated()
    {
        var ip = GoldenPacket;
        for (var n = 0; n < 20; n++)
        {
            Assert.Equal(ParseStatus.Truncated, Ipv4Header.TryRead(ip.AsSpan(0, n), out _));
        }
    }

    [Fact]
    public void Ipv4Header_OptionsCut_ReturnsTruncated()
    {
        var ip = Packets.Ipv4(new byte[4], protocol: 17, options: new byte[8]);
        Assert.Equal(ParseStatus.Truncated, Ipv4Header.TryRead(ip.AsSpan(0, 27), out _));
        Assert.Equal(ParseStatus.Ok, Ipv4Header.TryRead(ip.AsSpan(0, 28), out var h));
        Assert.Equal(8, h.Options.Length);
        Assert.Equal(0, h.Payload.Length);
    }

    [Fact]
    public void Ipv4Repr_Ipv6Address_Throws()
    {
        var r = new Ipv4Repr { Source = IpAddr.Parse("::1"), Destination = IpAddr.Parse("10.0.0.1") };
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Emit(new byte[20]));
    }
}
