using SynAck.Wire.Ip;

namespace SynAck.Wire.Tests.Ip;

public sealed class Ipv6HeaderTests
{
    [Fact]
    public void Ipv6Header_Golden_ReadsEveryField()
    {
        var ip = Golden.Bytes("6a12345" + "6" + "0025" + "06" + "40" + Golden.RawIpv6Data[16..]);
        Assert.Equal(ParseStatus.Ok, Ipv6Header.TryRead(ip, out var h));
        Assert.Equal(6, h.Version);
        Assert.Equal(0xA1, h.TrafficClass);
        Assert.Equal(0x23456u, h.FlowLabel);
        Assert.Equal(37, h.PayloadLength);
        Assert.Equal(6, h.NextHeader);
        Assert.Equal(64, h.HopLimit);
        Assert.Equal(IpAddr.Parse("2001:db8::1"), h.Source);
        Assert.Equal(IpAddr.Parse("2001:db8::2"), h.Destination);
        Assert.Equal(37, h.Payload.Length);
    }

    [Fact]
    public void Ipv6Repr_EmitGolden_MatchesBytesAndRoundTrips()
    {
        var r = new Ipv6Repr
        {
            Source = IpAddr.Parse("2001:db8::1"),
            Destination = IpAddr.Parse("2001:db8::2"),
            NextHeader = 6,
            PayloadLength = 37,
            TrafficClass = 0xA1,
            FlowLabel = 0x23456,
        };
        var buf = new byte[40];
        Assert.Equal(40, r.Emit(buf));
        Assert.Equal("6a123456002506402001", Convert.ToHexStringLower(buf.AsSpan(0, 10)));
        Assert.Equal(Golden.RawIpv6Data[16..80], Convert.ToHexStringLower(buf.AsSpan(8)));
        Ipv6Header.TryRead(buf, out var h);
        Assert.Equal(ParseStatus.Ok, Ipv6Repr.TryParse(h, out var back));
        Assert.Equal(r, back);
    }

    [Fact]
    public void Ipv6Header_EveryTruncation_ReturnsTruncated()
    {
        var ip = Golden.Bytes(Golden.RawIpv6Data);
        for (var n = 0; n < 40; n++)
        {
            Assert.Equal(ParseStatus.Truncated, Ipv6Header.TryRead(ip.AsSpan(0, n), out _));
        }
    }

    [Fact]
    public void Ipv6Header_Version4_ReturnsBadVersion()
    {
        Assert.Equal(ParseStatus.BadVersion, Ipv6Header.TryRead(Golden.Bytes(Golden.EthernetIpv4Syn)[14..], out _));
    }

    [Fact]
    public void Ipv6Repr_FlowLabelTooWide_Throws()
    {
        var r = new Ipv6Repr { Source = IpAddr.AnyV6, Destination = IpAddr.AnyV6, FlowLabel = 0x100000 };
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Emit(new byte[40]));
    }
}
