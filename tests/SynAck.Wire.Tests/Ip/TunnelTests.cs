namespace SynAck.Wire.Tests.Ip;

public sealed class TunnelTests
{
    private static void AssertInnerTcp(byte[] outerIp, TunnelKind kind, int innerIpOffset, out DecodedPacket p)
    {
        var frame = Frames.Ethernet(0x0800, outerIp);
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Ethernet, frame, DecodeOptions.FollowTunnels, out p));
        Assert.Equal(kind, p.Tunnel);
        Assert.Equal(1, p.TunnelDepth);
        Assert.Equal(14 + innerIpOffset, p.LinkHeaderLength);
        Assert.Equal(Packets.V4A, p.OuterSource);
        Assert.Equal(Packets.V4B, p.OuterDestination);
        Assert.Equal(outerIp.Length, p.OuterIpLength);
        Assert.Equal(1234, p.Tcp.SourcePort);
        Assert.Equal(7, p.TcpPayloadLength);
        Assert.True(PacketChecksums.TryVerifyTcp(p, out var ok));
        Assert.True(ok);
    }

    [Fact]
    public void Decode_GreWithKey_ReachesInnerIpv6()
    {
        // GRE flags K set, protocol 0x86DD, key 0x00000001.
        var gre = Frames.Concat(Golden.Bytes("2000" + "86dd" + "00000001"), Packets.Ipv6Tcp(7));
        AssertInnerTcp(Packets.Ipv4(gre, protocol: 47), TunnelKind.Gre, 20 + 8, out var p);
        Assert.Equal(6, p.IpVersion);
        Assert.Equal(Packets.V6A, p.Source);
        Assert.Equal(47, p.OuterProtocol);
        Assert.Equal(0, p.OuterDestinationPort);
    }

    [Fact]
    public void Decode_IpInIp_ReachesInnerIpv4()
    {
        AssertInnerTcp(Packets.Ipv4(Packets.Ipv4Tcp(7), protocol: 4), TunnelKind.IpInIp, 20, out var p);
        Assert.Equal(4, p.OuterProtocol);
    }

    [Fact]
    public void Decode_Vxlan_ReachesInnerEthernetFrame()
    {
        var vxlan = Frames.Concat(Golden.Bytes("08000000" + "00123400"), Frames.Ethernet(0x8100, Golden.Bytes("0009" + "0800"), Packets.Ipv4Tcp(7)));
        AssertInnerTcp(Packets.Ipv4(Packets.Udp(50000, 4789, vxlan), protocol: 17), TunnelKind.Vxlan, 20 + 8 + 8 + 18, out var p);
        Assert.Equal(50000, p.OuterSourcePort);
        Assert.Equal(4789, p.OuterDestinationPort);
        Assert.Equal(9, p.VlanId);
    }

    [Fact]
    public void Decode_Geneve_ReachesInnerIp()
    {
        // Version 0, 4 bytes of options (length 1), protocol 0x0800, VNI, then the option.
        var geneve = Frames.Concat(Golden.Bytes("0100" + "0800" + "00000100" + "01020304"), Packets.Ipv4Tcp(7));
        AssertInnerTcp(Packets.Ipv4(Packets.Udp(1000, 6081, geneve), protocol: 17), TunnelKind.Geneve, 20 + 8 + 12, out _);
    }

    [Fact]
    public void Decode_GtpUWithExtensionHeader_ReachesInnerIp()
    {
        // Version 1, PT, E flag; G-PDU; length; TEID; sequence, N-PDU, next extension 0x85 (PDU session container,
        // 1 × 4 bytes, next 0).
        var gtp = Frames.Concat(Golden.Bytes("34ff" + "0030" + "00000001" + "0000" + "00" + "85" + "01" + "0001" + "00"), Packets.Ipv4Tcp(7));
        AssertInnerTcp(Packets.Ipv4(Packets.Udp(2152, 2152, gtp), protocol: 17), TunnelKind.GtpU, 20 + 8 + 16, out _);
    }

    [Theory]
    [InlineData(4789, "00000000" + "00000000")] // VXLAN without the I flag
    [InlineData(2152, "32ff0004000000010000")] // GTP-U with a payload that is not IP
    [InlineData(53, "12340100000100000000")] // DNS
    public void Decode_UdpThatIsNotATunnel_StaysOuterUdp(int port, string payloadHex)
    {
        var ip = Packets.Ipv4(Packets.Udp(40000, (ushort)port, Golden.Bytes(payloadHex)), protocol: 17);
        Assert.Equal(ParseStatus.NotTcp, PacketDecoder.Decode(LinkType.Raw, ip, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(17, p.Protocol);
        Assert.Equal(0, p.TunnelDepth);
        Assert.Equal(Packets.V4A, p.Source);
    }

    [Fact]
    public void Decode_TunnelWithoutOption_ReportsOuterPacket()
    {
        var ip = Packets.Ipv4(Packets.Ipv4Tcp(7), protocol: 4);
        Assert.Equal(ParseStatus.NotTcp, PacketDecoder.Decode(LinkType.Raw, ip, out var p));
        Assert.Equal(4, p.Protocol);
        Assert.Equal(0, p.TunnelDepth);
        Assert.Equal(TunnelKind.None, p.Tunnel);
        Assert.Equal(DecodeOptions.None, p.Options);
    }

    [Fact]
    public void Decode_GreVersion1_IsNotFollowed()
    {
        var ip = Packets.Ipv4(Frames.Concat(Golden.Bytes("3001880b" + "00000000"), new byte[8]), protocol: 47);
        Assert.Equal(ParseStatus.NotTcp, PacketDecoder.Decode(LinkType.Raw, ip, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(47, p.Protocol);
    }

    [Fact]
    public void Decode_FiveNestedIpInIp_StopsAtFourTunnels()
    {
        var ip = Packets.Ipv4Tcp(7);
        for (var i = 0; i < 5; i++)
        {
            ip = Packets.Ipv4(ip, protocol: 4);
        }

        Assert.Equal(ParseStatus.NotTcp, PacketDecoder.Decode(LinkType.Raw, ip, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(4, p.TunnelDepth);
        Assert.Equal(4, p.Protocol);
    }

    [Fact]
    public void Decode_EveryTruncationOfTunnel_NeverThrows()
    {
        var vxlan = Frames.Concat(Golden.Bytes("0800000000123400"), Frames.Ethernet(0x0800, Packets.Ipv4Tcp(7)));
        var frame = Frames.Ethernet(0x0800, Packets.Ipv4(Packets.Udp(50000, 4789, vxlan), protocol: 17));
        var innerFrameStart = 14 + 20 + 8 + 8;
        var innerTcpEnd = frame.Length - 7;
        for (var n = 0; n < frame.Length; n++)
        {
            var status = PacketDecoder.Decode(LinkType.Ethernet, frame.AsSpan(0, n), DecodeOptions.FollowTunnels, out var p);
            var expected = n >= innerTcpEnd ? ParseStatus.Ok
                : n >= innerFrameStart || n < 14 + 20 ? ParseStatus.Truncated
                : ParseStatus.NotTcp; // UDP or VXLAN header cut: the outer UDP packet stands
            Assert.Equal(expected, status);
            Assert.True(p.IsTruncated);
            Assert.Equal(n >= innerFrameStart + 14 + 20 + 20, p.HasTcp);
        }
    }
}
