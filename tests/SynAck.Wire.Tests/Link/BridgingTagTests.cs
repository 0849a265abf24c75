namespace SynAck.Wire.Tests.Link;

public sealed class BridgingTagTests
{
    [Fact]
    public void Decode_CiscoFabricPath_DecodesInnerFrame()
    {
        // Outer DA, SA, 0x8903, FTAG/TTL, then the original frame (as Zeek's Ethernet analyzer skips 16 bytes).
        var frame = Frames.Ethernet(0x8903, Golden.Bytes("0000"), Frames.Ethernet(0x0800, Packets.Ipv4Tcp(2)));
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Ethernet, frame, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(30, p.LinkHeaderLength);
        Assert.Equal(0x0800, p.EtherType);
        Assert.Equal(2, p.TcpPayloadLength);
    }

    [Fact]
    public void Decode_ProviderBackboneBridging_DecodesCustomerFrame()
    {
        // B-VLAN tag, 802.1ah I-TAG (I-SID 0x1ebb30), customer frame with a C-VLAN tag.
        var customer = Frames.Ethernet(0x8100, Golden.Bytes("0005" + "0800"), Packets.Ipv4Tcp(2));
        var frame = Frames.Ethernet(0x8100, Golden.Bytes("0fd3" + "88e7" + "001ebb30"), customer);
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Ethernet, frame, DecodeOptions.FollowTunnels, out var p));
        Assert.Equal(14 + 4 + 4 + 14 + 4, p.LinkHeaderLength);
        Assert.Equal(0xFD3, p.VlanId);
        Assert.Equal(2, p.VlanCount);
    }

    [Theory]
    [InlineData(0x8903, "0000")]
    [InlineData(0x88E7, "001ebb30")]
    public void Decode_MacInMacWithoutOption_ReturnsNotIp(int etherType, string tagHex)
    {
        var frame = Frames.Ethernet((ushort)etherType, Golden.Bytes(tagHex), Frames.Ethernet(0x0800, Packets.Ipv4Tcp(2)));
        Assert.Equal(ParseStatus.NotIp, PacketDecoder.Decode(LinkType.Ethernet, frame, out var p));
        Assert.Equal(etherType, p.EtherType);
    }

    [Fact]
    public void Decode_VnTagInVlan_DecodesIp()
    {
        var frame = Frames.Ethernet(0x8100, Golden.Bytes("00fa" + "8926" + "00000033" + "8100" + "00fa" + "0800"), Packets.Ipv4Tcp(2));
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Ethernet, frame, out var p));
        Assert.Equal(14 + 4 + 6 + 4, p.LinkHeaderLength);
        Assert.Equal(250, p.VlanId);
    }

    [Fact]
    public void Decode_EveryTruncationOfBridgingTags_NeverThrows()
    {
        var frame = Frames.Ethernet(0x8100, Golden.Bytes("0fd3" + "88e7" + "001ebb30"), Frames.Ethernet(0x8903, Golden.Bytes("0000"), Frames.Ethernet(0x8926, Golden.Bytes("00000033" + "0800"), Packets.Ipv4Tcp(2))));
        PacketDecoder.Decode(LinkType.Ethernet, frame, DecodeOptions.FollowTunnels, out var whole);
        Assert.Equal(ParseStatus.Ok, whole.Status);
        for (var n = 0; n < frame.Length; n++)
        {
            var expected = n >= whole.LinkHeaderLength + 40 ? ParseStatus.Ok : ParseStatus.Truncated;
            Assert.Equal(expected, PacketDecoder.Decode(LinkType.Ethernet, frame.AsSpan(0, n), DecodeOptions.FollowTunnels, out _));
        }
    }
}
