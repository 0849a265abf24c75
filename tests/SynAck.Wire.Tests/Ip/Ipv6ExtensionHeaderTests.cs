namespace SynAck.Wire.Tests.Ip;

public sealed class Ipv6ExtensionHeaderTests
{
    private static byte[] Tcp(int payload = 4) => Packets.Segment(Packets.Ack, Packets.V6A, Packets.V6B, payload);

    private static ParseStatus Raw(byte[] ip, out DecodedPacket p) => PacketDecoder.Decode(LinkType.Raw, ip, out p);

    [Fact]
    public void Decode_HopByHopRoutingDestinationOptions_ReachTcp()
    {
        var ext = Golden.Bytes(
            "2b00" + "010400000000" + // hop-by-hop -> routing: PadN
            "3c02" + "00000000" + "00000000000000000000000000000000" + "0000" + // routing (type 0, 24 bytes) -> destination options
            "0600" + "010400000000"); // destination options -> TCP
        var ip = Packets.Ipv6(0, Frames.Concat(ext, Tcp()));
        Assert.Equal(ParseStatus.Ok, Raw(ip, out var p));
        Assert.Equal(6, p.Protocol);
        Assert.Equal(40 + 8 + 24 + 8, p.IpHeaderLength);
        Assert.Equal(4, p.TcpPayloadLength);
        Assert.True(PacketChecksums.TryVerifyTcp(p, out var ok));
        Assert.True(ok);
    }

    [Fact]
    public void Decode_AuthenticationHeader_ReachesTcp()
    {
        // AH: next header 6, payload length 4 => (4 + 2) × 4 = 24 bytes.
        var ah = Golden.Bytes("0604" + "0000" + "00000100" + "00000001" + "000000000000000000000000");
        var ip = Packets.Ipv6(51, Frames.Concat(ah, Tcp()));
        Assert.Equal(ParseStatus.Ok, Raw(ip, out var p));
        Assert.Equal(64, p.IpHeaderLength);
    }

    [Fact]
    public void Decode_FirstIpv6Fragment_DecodesTcp()
    {
        var frag = Golden.Bytes("0600" + "0001" + "12345678"); // offset 0, M = 1
        var ip = Packets.Ipv6(44, Frames.Concat(frag, Tcp()));
        Assert.Equal(ParseStatus.Ok, Raw(ip, out var p));
        Assert.True(p.IsFragment);
        Assert.True(p.MoreFragments);
        Assert.Equal(0, p.FragmentOffset);
        Assert.Equal(48, p.IpHeaderLength);
        Assert.False(PacketChecksums.TryVerifyTcp(p, out _));
    }

    [Fact]
    public void Decode_LaterIpv6Fragment_IsNeverTcp()
    {
        var frag = Golden.Bytes("0600" + "00a8" + "12345678"); // offset 21 × 8 = 168, M = 0
        var ip = Packets.Ipv6(44, Frames.Concat(frag, Tcp()));
        Assert.Equal(ParseStatus.Fragment, Raw(ip, out var p));
        Assert.True(p.IsFragment);
        Assert.False(p.MoreFragments);
        Assert.Equal(168, p.FragmentOffset);
        Assert.Equal(6, p.Protocol);
        Assert.False(p.HasTcp);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(59)]
    [InlineData(58)]
    [InlineData(17)]
    public void Decode_NonTcpNextHeader_ReturnsNotTcp(byte next)
    {
        var ip = Packets.Ipv6(next, new byte[16]);
        Assert.Equal(ParseStatus.NotTcp, Raw(ip, out var p));
        Assert.Equal(next, p.Protocol);
    }

    [Fact]
    public void Decode_ExtensionHeaderPastPacket_ReturnsBadHeaderLength()
    {
        var ip = Packets.Ipv6(0, Golden.Bytes("0605" + "000000000000")); // claims 48 bytes, packet has 8
        Assert.Equal(ParseStatus.BadHeaderLength, Raw(ip, out _));
    }

    [Fact]
    public void Decode_ExtensionHeaderCutBySnaplen_ReturnsTruncated()
    {
        var ip = Packets.Ipv6(0, Frames.Concat(Golden.Bytes("0601" + "00000000000000000000000000"), Tcp()));
        Assert.Equal(ParseStatus.Truncated, Raw(ip.AsSpan(0, 50).ToArray(), out var p));
        Assert.True(p.IsTruncated);
    }

    [Fact]
    public void Decode_PayloadLengthZero_UsesCapturedLength()
    {
        var ip = Packets.Ipv6Tcp(10);
        ip[4] = 0;
        ip[5] = 0;
        Assert.Equal(ParseStatus.Ok, Raw(ip, out var p));
        Assert.Equal(ip.Length, p.IpLength);
        Assert.Equal(10, p.TcpPayloadLength);
    }
}
