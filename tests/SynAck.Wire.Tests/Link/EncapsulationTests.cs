namespace SynAck.Wire.Tests.Link;

public sealed class EncapsulationTests
{
    private static void AssertTcp(byte[] frame, int linkHeaderLength, out DecodedPacket p)
    {
        Assert.Equal(ParseStatus.Ok, PacketDecoder.Decode(LinkType.Ethernet, frame, out p));
        Assert.True(p.HasTcp);
        Assert.Equal(linkHeaderLength, p.LinkHeaderLength);
        Assert.Equal(1234, p.Tcp.SourcePort);
        Assert.Equal(3, p.TcpPayloadLength);
    }

    [Fact]
    public void Decode_Vlan8021Q_ReadsVlanId()
    {
        // TCI: PCP 5, DEI 0, VID 0x123.
        var frame = Frames.Ethernet(0x8100, Golden.Bytes("a123" + "0800"), Packets.Ipv4Tcp(3));
        AssertTcp(frame, 18, out var p);
        Assert.Equal(0x123, p.VlanId);
        Assert.Equal(1, p.VlanCount);
        Assert.Equal(0x0800, p.EtherType);
    }

    [Theory]
    [InlineData(0x88A8)]
    [InlineData(0x9100)]
    [InlineData(0x8100)]
    public void Decode_QinQ_ReadsOuterVlanId(int outerType)
    {
        var frame = Frames.Ethernet((ushort)outerType, Golden.Bytes("0064" + "8100" + "00c8" + "86dd"), Packets.Ipv6Tcp(3));
        AssertTcp(frame, 22, out var p);
        Assert.Equal(100, p.VlanId);
        Assert.Equal(2, p.VlanCount);
        Assert.Equal(6, p.IpVersion);
    }

    [Theory]
    [InlineData(0x8847)]
    [InlineData(0x8848)]
    public void Decode_MplsStack_ReachesIpByVersionNibble(int etherType)
    {
        // Two entries: label 1000 (S=0), label 16 (S=1), TTL 64.
        var labels = Golden.Bytes("003e8040" + "00010140");
        var v4 = Frames.Ethernet((ushort)etherType, labels, Packets.Ipv4Tcp(3));
        AssertTcp(v4, 22, out var p);
        Assert.Equal(1000u, p.MplsLabel);
        Assert.Equal(2, p.MplsLabelCount);
        var v6 = Frames.Ethernet((ushort)etherType, labels, Packets.Ipv6Tcp(3));
        AssertTcp(v6, 22, out p);
        Assert.Equal(6, p.IpVersion);
    }

    [Fact]
    public void Decode_MplsPseudowireControlWord_DecodesInnerEthernet()
    {
        var inner = Frames.Ethernet(0x8100, Golden.Bytes("0007" + "0800"), Packets.Ipv4Tcp(3));
        var frame = Frames.Ethernet(0x8847, Golden.Bytes("00011140" + "00000000"), inner);
        AssertTcp(frame, 14 + 4 + 4 + 18, out var p);
        Assert.Equal(17u, p.MplsLabel);
        Assert.Equal(7, p.VlanId);
    }

    [Fact]
    public void Decode_MplsUnknownPayloadNibble_ReturnsUnsupportedEtherType()
    {
        var frame = Frames.Ethernet(0x8847, Golden.Bytes("00011140" + "5500000000000000"));
        Assert.Equal(ParseStatus.UnsupportedEtherType, PacketDecoder.Decode(LinkType.Ethernet, frame, out _));
    }

    [Fact]
    public void Decode_MplsWithoutBottomOfStack_ReturnsTruncated()
    {
        var frame = Frames.Ethernet(0x8847, Golden.Bytes("00010040" + "00020040"));
        Assert.Equal(ParseStatus.Truncated, PacketDecoder.Decode(LinkType.Ethernet, frame, out var p));
        Assert.True(p.IsTruncated);
    }

    [Theory]
    [InlineData("0021", false)]
    [InlineData("0057", true)]
    public void Decode_PppoeSession_ReachesIp(string pppProtocol, bool v6)
    {
        var ip = v6 ? Packets.Ipv6Tcp(3) : Packets.Ipv4Tcp(3);
        var frame = Frames.Ethernet(0x8864, Golden.Bytes("1100" + "beef"), Frames.Be16(ip.Length + 2), Golden.Bytes(pppProtocol), ip);
        AssertTcp(frame, 22, out var p);
        Assert.Equal(0xBEEF, p.PppoeSessionId);
        Assert.Equal(v6 ? 6 : 4, p.IpVersion);
    }

    [Fact]
    public void Decode_PppoeLcp_ReturnsNotIp()
    {
        var frame = Frames.Ethernet(0x8864, Golden.Bytes("1100" + "0001" + "0006" + "c021" + "01010004"));
        Assert.Equal(ParseStatus.NotIp, PacketDecoder.Decode(LinkType.Ethernet, frame, out _));
    }

    [Fact]
    public void Decode_Ieee8023Length_ReturnsNotIp()
    {
        var frame = Frames.Ethernet(0x0026, Golden.Bytes("424203" + "000000"));
        Assert.Equal(ParseStatus.NotIp, PacketDecoder.Decode(LinkType.Ethernet, frame, out _));
    }

    [Fact]
    public void Decode_SixteenVlanTags_StopsWithUnsupportedEtherType()
    {
        var tags = new List<byte[]>();
        for (var i = 0; i < 20; i++)
        {
            tags.Add(Golden.Bytes("0001" + "8100"));
        }

        var frame = Frames.Ethernet(0x8100, [.. tags.SelectMany(t => t)]);
        Assert.Equal(ParseStatus.UnsupportedEtherType, PacketDecoder.Decode(LinkType.Ethernet, frame, out _));
    }

    [Fact]
    public void Decode_EveryTruncationOfEncapsulations_NeverThrows()
    {
        var frames = new[]
        {
            Frames.Ethernet(0x88A8, Golden.Bytes("0064" + "8100" + "00c8" + "0800"), Packets.Ipv4Tcp(3)),
            Frames.Ethernet(0x8847, Golden.Bytes("00011140" + "00000000"), Frames.Ethernet(0x0800, Packets.Ipv4Tcp(3))),
            Frames.Ethernet(0x8864, Golden.Bytes("1100beef0000" + "0057"), Packets.Ipv6Tcp(3)),
        };
        foreach (var frame in frames)
        {
            PacketDecoder.Decode(LinkType.Ethernet, frame, out var whole);
            Assert.Equal(ParseStatus.Ok, whole.Status);
            var tcpEnd = whole.LinkHeaderLength + whole.IpHeaderLength + 20;
            for (var n = 0; n < frame.Length; n++)
            {
                Assert.Equal(n >= tcpEnd ? ParseStatus.Ok : ParseStatus.Truncated, PacketDecoder.Decode(LinkType.Ethernet, frame.AsSpan(0, n), out _));
            }
        }
    }
}
