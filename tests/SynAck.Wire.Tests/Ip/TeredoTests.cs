using SynAck.Wire.Ip;

namespace SynAck.Wire.Tests.Ip;

public sealed class TeredoTests
{
    private static readonly IpAddr s_teredoClient = IpAddr.Parse("2001:0:4137:9e50:8000:f12a:b9c8:2815");

    /// <summary>An IPv6 TCP packet from a Teredo address (2001:0::/32) to <see cref="Packets.V6B"/>.</summary>
    private static byte[] TeredoTcp(int payloadLength)
    {
        var tcp = Packets.Segment(Packets.Ack, s_teredoClient, Packets.V6B, payloadLength);
        var b = new byte[40 + tcp.Length];
        new Ipv6Repr { Source = s_teredoClient, Destination = Packets.V6B, NextHeader = 6, PayloadLength = tcp.Length }.Emit(b);
        tcp.CopyTo(b, 40);
        return b;
    }

    [Fact]
    public void Decode_TeredoOnItsPortWithOriginIndication_ReachesInnerIpv6()
    {
        // Origin indication: type 0, obfuscated port and address (RFC 4380 §5.1.1).
        var teredo = Frames.Concat(Golden.Bytes("0000" + "f3ea" + "3fbe7d54"), TeredoTcp(5));
        var ip = Packets.Ipv4(Packets.Udp(3544, 51000, teredo), protocol: 17);
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Raw, ip, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(TunnelKind.Teredo, p.Tunnel);
        Assert.Equal(s_teredoClient, p.Source);
        Assert.Equal(3544, p.OuterSourcePort);
        Assert.Equal(51000, p.OuterDestinationPort);
        Assert.Equal(20 + 8 + 8, p.LinkHeaderLength);
        Assert.Equal(5, p.TcpPayloadLength);
    }

    [Fact]
    public void Decode_TeredoAddressOnOtherPort_IsFoundByContent()
    {
        var ip = Packets.Ipv4(Packets.Udp(3797, 32900, TeredoTcp(0)), protocol: 17);
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Raw, ip, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(TunnelKind.Teredo, p.Tunnel);
        Assert.Equal(32900, p.OuterDestinationPort);
        Assert.Equal(1234, p.Tcp.SourcePort);
    }

    [Fact]
    public void Decode_Ipv6WithoutTeredoAddressOnOtherPort_StaysOuterUdp()
    {
        var ip = Packets.Ipv4(Packets.Udp(3797, 32900, Packets.Ipv6Tcp(0)), protocol: 17);
        Assert.Equal(ParseStatus.NotTcp, PacketDecoder.Decode(LinkType.Raw, ip, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(0, p.TunnelDepth);
        Assert.Equal(17, p.Protocol);
    }

    [Fact]
    public void Decode_TeredoPortWithoutIpv6_StaysOuterUdp()
    {
        var ip = Packets.Ipv4(Packets.Udp(3544, 51000, new byte[48]), protocol: 17);
        Assert.Equal(ParseStatus.NotTcp, PacketDecoder.Decode(LinkType.Raw, ip, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(TunnelKind.None, p.Tunnel);
    }

    [Fact]
    public void Decode_IpInIpInsideGre_ReportsInnermostTunnel()
    {
        var middle = Packets.Ipv4(Packets.Ipv4Tcp(7), protocol: 4);
        var gre = Frames.Concat(Golden.Bytes("0000" + "0800"), middle);
        var ip = Packets.Ipv4(gre, protocol: 47);
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Raw, ip, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(2, p.TunnelDepth);
        Assert.Equal(TunnelKind.IpInIp, p.Tunnel);
        Assert.Equal(4, p.OuterProtocol);
        Assert.Equal(middle.Length, p.OuterIpLength);
        Assert.Equal(20 + 4 + 20, p.LinkHeaderLength);
    }

    [Fact]
    public void Decode_FirstFragmentOfTunnel_MarksOuterFragment()
    {
        var inner = Packets.Ipv4Tcp(100);
        var udp = Packets.Udp(2152, 2152, Frames.Concat(Golden.Bytes("30ff" + "0000" + "00000001"), inner));
        // MF set, offset 0; only the first 60 bytes of the UDP payload travel in this fragment.
        var ip = Packets.Ipv4(udp[..60], protocol: 17, fragment: 0x2000);
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Raw, ip, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(TunnelKind.GtpU, p.Tunnel);
        Assert.True(p.OuterIsFragment);
        Assert.Equal(100, p.TcpPayloadLength);
    }
}
