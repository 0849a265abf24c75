using System.Buffers.Binary;

namespace SynAck.Wire.Tests.Ip;

public sealed class Ipv4DecodeTests
{
    private static ParseStatus Raw(byte[] ip, out DecodedPacket p) => PacketDecoder.Decode(LinkType.Raw, ip, out p);

    [Fact]
    public void Decode_Ipv4Options_TcpFollowsThem()
    {
        // Record route (7), length 7, pointer 4, one empty slot, then EOL.
        var ip = Packets.Ipv4(Packets.Segment(Packets.Ack, Packets.V4A, Packets.V4B, 2), options: Golden.Bytes("070704" + "00000000" + "00"));
        Assert.Equal(ParseStatus.Ok, Raw(ip, out var p));
        Assert.Equal(28, p.IpHeaderLength);
        Assert.Equal(2, p.TcpPayloadLength);
        Assert.Equal(1234, p.Tcp.SourcePort);
        Assert.True(PacketChecksums.TryVerifyIpv4Header(p, out var ok));
        Assert.True(ok);
        Assert.True(PacketChecksums.TryVerifyTcp(p, out ok));
        Assert.True(ok);
    }

    [Fact]
    public void Decode_FirstFragmentWithWholeTcpHeader_DecodesTcp()
    {
        var ip = Packets.Ipv4(Packets.Segment(Packets.Ack, Packets.V4A, Packets.V4B, 8), fragment: 0x2000);
        Assert.Equal(ParseStatus.Ok, Raw(ip, out var p));
        Assert.True(p.IsFragment);
        Assert.True(p.MoreFragments);
        Assert.Equal(0, p.FragmentOffset);
        Assert.True(p.HasTcp);
        Assert.Equal(8, p.TcpPayloadLength);
        Assert.False(PacketChecksums.TryVerifyTcp(p, out _));
    }

    [Fact]
    public void Decode_LaterFragment_IsNeverTcp()
    {
        // Offset 3 × 8 bytes; the bytes happen to look like a TCP header.
        var ip = Packets.Ipv4(Packets.Segment(Packets.Ack, Packets.V4A, Packets.V4B), fragment: 0x0003);
        Assert.Equal(ParseStatus.Fragment, Raw(ip, out var p));
        Assert.True(p.IsFragment);
        Assert.False(p.MoreFragments);
        Assert.Equal(24, p.FragmentOffset);
        Assert.Equal(6, p.Protocol);
        Assert.False(p.HasTcp);
        Assert.Equal(20, p.Transport.Length);
    }

    [Fact]
    public void Decode_FirstFragmentTooShortForTcp_ReturnsFragment()
    {
        var ip = Packets.Ipv4(new byte[8], fragment: 0x2000);
        Assert.Equal(ParseStatus.Fragment, Raw(ip, out var p));
        Assert.True(p.IsFragment);
    }

    [Theory]
    [InlineData(0x44)]
    [InlineData(0x40)]
    public void Decode_IhlBelow5_ReturnsBadHeaderLength(byte first)
    {
        var ip = Packets.Ipv4Tcp();
        ip[0] = first;
        Assert.Equal(ParseStatus.BadHeaderLength, Raw(ip, out var p));
        Assert.Equal(0, p.IpVersion);
    }

    [Fact]
    public void Decode_TotalLengthBelowHeader_ReturnsBadTotalLength()
    {
        var ip = Packets.Ipv4(Packets.Segment(Packets.Ack, Packets.V4A, Packets.V4B), totalLength: 19);
        Assert.Equal(ParseStatus.BadTotalLength, Raw(ip, out _));
    }

    [Fact]
    public void Decode_TotalLengthTooShortForTcp_ReturnsBadTotalLength()
    {
        var ip = Packets.Ipv4(Packets.Segment(Packets.Ack, Packets.V4A, Packets.V4B), totalLength: 30);
        Assert.Equal(ParseStatus.BadTotalLength, Raw(ip, out var p));
        Assert.Equal(30, p.IpLength);
        Assert.Equal(10, p.Transport.Length);
    }

    [Fact]
    public void Decode_TotalLengthZero_UsesCapturedLength()
    {
        // TCP segmentation offload: the kernel hands the capture a super-segment with total length 0.
        var ip = Packets.Ipv4(Packets.Segment(Packets.Ack, Packets.V4A, Packets.V4B, 3000), totalLength: 0);
        Assert.Equal(ParseStatus.Ok, Raw(ip, out var p));
        Assert.Equal(3040, p.IpLength);
        Assert.Equal(3000, p.TcpPayloadLength);
        Assert.False(p.IsTruncated);
    }

    [Fact]
    public void Decode_SnaplenCutInPayload_OkAndTruncated()
    {
        var ip = Packets.Ipv4Tcp(100);
        Assert.Equal(ParseStatus.Ok, Raw(ip.AsSpan(0, 60).ToArray(), out var p));
        Assert.True(p.IsTruncated);
        Assert.Equal(140, p.IpLength);
        Assert.Equal(100, p.TcpPayloadLength);
        Assert.Equal(20, p.Tcp.Payload.Length);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(1)]
    [InlineData(47)]
    public void Decode_OtherProtocols_ReturnNotTcpWithProtocol(byte protocol)
    {
        var ip = Packets.Ipv4(new byte[12], protocol: protocol);
        Assert.Equal(ParseStatus.NotTcp, Raw(ip, out var p));
        Assert.Equal(protocol, p.Protocol);
        Assert.Equal(4, p.IpVersion);
        Assert.Equal(12, p.Transport.Length);
    }

    [Fact]
    public void Decode_BadVersionNibble_ReturnsBadVersion()
    {
        var ip = Packets.Ipv4Tcp();
        ip[0] = 0x55;
        Assert.Equal(ParseStatus.BadVersion, Raw(ip, out _));
    }

    [Fact]
    public void Decode_CorruptedIpv4Checksum_VerifiesFalse()
    {
        var ip = Packets.Ipv4Tcp();
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(10), 0x1234);
        Raw(ip, out var p);
        Assert.True(PacketChecksums.TryVerifyIpv4Header(p, out var ok));
        Assert.False(ok);
    }
}
