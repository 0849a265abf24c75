using SynAck.Wire.Tcp;

namespace SynAck.Wire.Tests;

public sealed class PacketDecoderTests
{
    [Fact]
    public void Decode_EthernetIpv4Syn_FillsEveryField()
    {
        var frame = Golden.Bytes(Golden.EthernetIpv4Syn);
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Ethernet, frame, out var p));
        Assert.Equal(ParseStatus.Ok, p.Status);
        Assert.Equal(4, p.IpVersion);
        Assert.Equal("192.168.1.10", p.Source.ToString());
        Assert.Equal("10.0.0.1", p.Destination.ToString());
        Assert.Equal(6, p.Protocol);
        Assert.Equal(64, p.Ttl);
        Assert.Equal(60, p.IpLength);
        Assert.Equal(20, p.IpHeaderLength);
        Assert.Equal(14, p.LinkHeaderLength);
        Assert.Equal(0x0800, p.EtherType);
        Assert.False(p.IsFragment);
        Assert.False(p.IsTruncated);
        Assert.True(p.HasTcp);
        Assert.Equal(TcpFlags.Syn, p.Tcp.Flags);
        Assert.Equal(51234, p.Tcp.SourcePort);
        Assert.Equal(0, p.TcpPayloadLength);
        Assert.Equal(ParseStatus.Ok, p.OptionsStatus);
        Assert.Equal(60, p.Ip.Length);
    }

    [Fact]
    public void Decode_EthernetPadding_IsNotPayload()
    {
        var frame = Golden.Bytes(Golden.EthernetIpv4AckPadded);
        Assert.Equal(60, frame.Length);
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Ethernet, frame, out var p));
        Assert.Equal(0, p.TcpPayloadLength);
        Assert.Equal(0, p.Tcp.Payload.Length);
        Assert.Equal(40, p.Ip.Length);
        Assert.Equal(TcpFlags.Ack, p.Tcp.Flags);
        Assert.Equal(501, p.Tcp.Window);
    }

    [Fact]
    public void Decode_RawIpv6_ReadsPayload()
    {
        var frame = Frames.Ipv6Data;
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Raw, frame, out var p));
        Assert.Equal(6, p.IpVersion);
        Assert.Equal("2001:db8::1", p.Source.ToString());
        Assert.Equal("2001:db8::2", p.Destination.ToString());
        Assert.Equal(77, p.IpLength);
        Assert.Equal(40, p.IpHeaderLength);
        Assert.Equal(5, p.TcpPayloadLength);
        Assert.Equal("hello"u8.ToArray(), p.Tcp.Payload.ToArray());
        Assert.Equal(TcpFlags.Psh | TcpFlags.Ack, p.Tcp.Flags);
    }

    [Theory]
    [InlineData(LinkType.Ipv4, true, ParseStatus.Ok)]
    [InlineData(LinkType.Ipv6, true, ParseStatus.BadVersion)]
    [InlineData(LinkType.Ipv6, false, ParseStatus.Ok)]
    [InlineData(LinkType.Ipv4, false, ParseStatus.BadVersion)]
    [InlineData(LinkType.RawBsd, true, ParseStatus.Ok)]
    [InlineData(LinkType.RawOpenBsd, false, ParseStatus.Ok)]
    public void Decode_RawLinkTypes_CheckVersion(LinkType link, bool v4, ParseStatus expected)
    {
        Assert.Equal(expected, PacketDecoder.Decode(link, v4 ? Frames.Ipv4Syn : Frames.Ipv6Data, out _));
    }

    [Theory]
    [InlineData("02000000", true)]
    [InlineData("00000002", true)]
    [InlineData("18000000", false)]
    [InlineData("1c000000", false)]
    [InlineData("1e000000", false)]
    [InlineData("0000001e", false)]
    public void Decode_NullAndLoop_AcceptBothByteOrders(string af, bool v4)
    {
        var frame = Frames.Concat(Golden.Bytes(af), v4 ? Frames.Ipv4Syn : Frames.Ipv6Data);
        foreach (var link in new[] { LinkType.Null, LinkType.Loop })
        {
            Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(link, frame, out var p));
            Assert.Equal(v4 ? 4 : 6, p.IpVersion);
            Assert.Equal(4, p.LinkHeaderLength);
        }
    }

    [Fact]
    public void Decode_NullUnknownFamily_ReturnsNotIp()
    {
        var frame = Frames.Concat(Golden.Bytes("07000000"), Frames.Ipv4Syn);
        Assert.Equal(ParseStatus.NotIp, PacketDecoder.Decode(LinkType.Null, frame, out var p));
        Assert.Equal(0, p.IpVersion);
    }

    [Fact]
    public void Decode_LinuxSll_ReadsProtocol()
    {
        // Packet type 0 (to us), ARPHRD_ETHER, address length 6, address padded to 8, protocol 0x86DD.
        var frame = Frames.Concat(Golden.Bytes("0000" + "0001" + "0006" + "0200000000010000" + "86dd"), Frames.Ipv6Data);
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.LinuxSll, frame, out var p));
        Assert.Equal(16, p.LinkHeaderLength);
        Assert.Equal(0x86DD, p.EtherType);
        Assert.Equal(5, p.TcpPayloadLength);
    }

    [Fact]
    public void Decode_LinuxSll2_ReadsProtocol()
    {
        // Protocol 0x0800, reserved, ifindex 2, ARPHRD_ETHER, packet type 4 (outgoing), address length 6, address.
        var frame = Frames.Concat(Golden.Bytes("0800" + "0000" + "00000002" + "0001" + "04" + "06" + "0200000000010000"), Frames.Ipv4Syn);
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.LinuxSll2, frame, out var p));
        Assert.Equal(20, p.LinkHeaderLength);
        Assert.Equal(TcpFlags.Syn, p.Tcp.Flags);
    }

    [Fact]
    public void Decode_UnknownLinkType_ReturnsUnsupportedLinkType()
    {
        Assert.Equal(ParseStatus.UnsupportedLinkType, PacketDecoder.Decode((LinkType)9999, Frames.Ipv4Syn, out var p));
        Assert.Equal(ParseStatus.UnsupportedLinkType, p.Status);
    }

    [Fact]
    public void Decode_Arp_ReturnsNotIp()
    {
        var frame = Frames.Ethernet(0x0806, new byte[28]);
        Assert.Equal(ParseStatus.NotIp, PacketDecoder.Decode(LinkType.Ethernet, frame, out var p));
        Assert.Equal(0x0806, p.EtherType);
    }

    [Theory]
    [InlineData(LinkType.Ethernet, Golden.EthernetIpv4Syn)]
    [InlineData(LinkType.Ethernet, Golden.EthernetIpv4AckPadded)]
    [InlineData(LinkType.Raw, Golden.RawIpv6Data)]
    public void Decode_EveryTruncation_ReturnsStatusAndNeverThrows(LinkType link, string hex)
    {
        var frame = Golden.Bytes(hex);
        PacketDecoder.Decode(link, frame, out var whole);
        var ipEnd = whole.LinkHeaderLength + whole.IpLength;
        var tcpStart = whole.LinkHeaderLength + whole.IpHeaderLength;
        var tcpEnd = tcpStart + whole.Tcp.HeaderLength;
        for (var n = 0; n < frame.Length; n++)
        {
            var status = PacketDecoder.Decode(link, frame.AsSpan(0, n), out var p);
            Assert.Equal(n >= tcpEnd ? ParseStatus.Ok : ParseStatus.Truncated, status);
            Assert.Equal(n < ipEnd, p.IsTruncated);
            Assert.Equal(n >= tcpStart + 20, p.HasTcp);
        }
    }

    [Fact]
    public void PacketChecksums_GoldenFrames_Verify()
    {
        foreach (var (link, hex) in new[] { (LinkType.Ethernet, Golden.EthernetIpv4Syn), (LinkType.Ethernet, Golden.EthernetIpv4AckPadded), (LinkType.Raw, Golden.RawIpv6Data) })
        {
            PacketDecoder.Decode(link, Golden.Bytes(hex), out var p);
            Assert.True(PacketChecksums.TryVerifyTcp(p, out var tcpOk));
            Assert.True(tcpOk);
            Assert.Equal(p.IpVersion == 4, PacketChecksums.TryVerifyIpv4Header(p, out var ipOk));
            Assert.Equal(p.IpVersion == 4, ipOk);
        }
    }

    [Fact]
    public void PacketChecksums_FlippedPayloadBit_FailsTcp()
    {
        var frame = Golden.Bytes(Golden.RawIpv6Data);
        frame[^1] ^= 0x40;
        PacketDecoder.Decode(LinkType.Raw, frame, out var p);
        Assert.True(PacketChecksums.TryVerifyTcp(p, out var ok));
        Assert.False(ok);
    }

    [Fact]
    public void PacketChecksums_TruncatedSegment_NotApplicable()
    {
        var frame = Golden.Bytes(Golden.RawIpv6Data);
        PacketDecoder.Decode(LinkType.Raw, frame.AsSpan(0, frame.Length - 1), out var p);
        Assert.Equal(ParseStatus.Ok, p.Status);
        Assert.True(p.IsTruncated);
        Assert.False(PacketChecksums.TryVerifyTcp(p, out _));
    }
}
