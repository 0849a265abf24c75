using SynAck.Wire.Tcp;

namespace SynAck.Wire.Tests.Tcp;

public sealed class TcpDecodeTests
{
    [Fact]
    public void Decode_DataOffsetBeyondIpLength_ReturnsBadDataOffset()
    {
        var ip = Packets.Ipv4Tcp();
        ip[20 + 12] = 0x60;
        Assert.Equal(ParseStatus.BadDataOffset, PacketDecoder.Decode(LinkType.Raw, ip, out var p));
        Assert.False(p.HasTcp);
    }

    [Fact]
    public void Decode_DataOffsetBelow5_ReturnsBadDataOffset()
    {
        var ip = Packets.Ipv4Tcp(8);
        ip[20 + 12] = 0x40;
        Assert.Equal(ParseStatus.BadDataOffset, PacketDecoder.Decode(LinkType.Raw, ip, out _));
    }

    [Fact]
    public void Decode_SnaplenCutInOptions_TruncatedWithFixedFields()
    {
        var seg = Packets.Segment(Packets.Ack with { Mss = 1400, Timestamps = (1u, 2u) }, Packets.V4A, Packets.V4B);
        var ip = Packets.Ipv4(seg);
        Assert.Equal(ParseStatus.Truncated, PacketDecoder.Decode(LinkType.Raw, ip.AsSpan(0, 45), out var p));
        Assert.True(p.IsTruncated);
        Assert.True(p.HasTcp);
        Assert.False(p.Tcp.IsHeaderComplete);
        Assert.Equal(36, p.Tcp.HeaderLength);
        Assert.Equal(1234, p.Tcp.SourcePort);
        Assert.Equal(TcpFlags.Ack, p.Tcp.Flags);
        Assert.Equal(5, p.Tcp.OptionsSpan.Length);
        Assert.Equal(0, p.Tcp.Payload.Length);
        Assert.Equal(0, p.TcpPayloadLength);
        Assert.Equal(ParseStatus.Truncated, p.OptionsStatus);
        Assert.False(PacketChecksums.TryVerifyTcp(p, out _));
    }

    [Fact]
    public void Decode_SnaplenCutInFixedHeader_HasNoTcp()
    {
        var ip = Packets.Ipv4Tcp();
        Assert.Equal(ParseStatus.Truncated, PacketDecoder.Decode(LinkType.Raw, ip.AsSpan(0, 39), out var p));
        Assert.False(p.HasTcp);
        Assert.Equal(19, p.Transport.Length);
    }

    [Fact]
    public void Decode_MalformedOptionLength_KeepsHeaderAndReportsBadOption()
    {
        var seg = Packets.Segment(Packets.Ack with { Mss = 1400 }, Packets.V4A, Packets.V4B);
        seg[21] = 9; // MSS length past the option area
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Raw, Packets.Ipv4(seg), out var p));
        Assert.True(p.HasTcp);
        Assert.Equal(ParseStatus.BadOption, p.OptionsStatus);
        Assert.Equal(1234, p.Tcp.SourcePort);
        Assert.Equal(ParseStatus.BadOption, TcpRepr.TryParse(p.Tcp, out var r));
        Assert.Equal(TcpFlags.Ack, r.Flags);
    }

    [Fact]
    public void Decode_AllFlagsAndReservedBits_ReadAsSent()
    {
        var seg = Packets.Segment(Packets.Ack with { Flags = (TcpFlags)0x1FF }, Packets.V6A, Packets.V6B);
        seg[12] |= 0x0E;
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Ipv6, Packets.Ipv6(6, seg), out var p));
        Assert.Equal((TcpFlags)0x1FF, p.Tcp.Flags);
        Assert.Equal(7, p.Tcp.ReservedBits);
    }
}
