using SynAck.Wire.Udp;

namespace SynAck.Wire.Tests.Udp;

public sealed class UdpHeaderTests
{
    [Fact]
    public void UdpHeader_DnsQuery_ReadsFields()
    {
        var udp = Golden.Bytes("d43100350014abcd" + "000000000000000000000000");
        var ip = Packets.Ipv4(udp, protocol: 17);
        Assert.Equal(ParseStatus.NotTcp, PacketDecoder.Decode(LinkType.Raw, ip, out var p));
        Assert.Equal(ParseStatus.Ok, UdpHeader.TryRead(p.Transport, out var h));
        Assert.Equal(54321, h.SourcePort);
        Assert.Equal(53, h.DestinationPort);
        Assert.Equal(20, h.DatagramLength);
        Assert.Equal(0xABCD, h.Checksum);
        Assert.Equal(12, h.Payload.Length);
    }

    [Fact]
    public void UdpHeader_EveryTruncation_ReturnsTruncated()
    {
        var udp = Golden.Bytes("d43100350014abcd");
        for (var n = 0; n < udp.Length; n++)
        {
            Assert.Equal(ParseStatus.Truncated, UdpHeader.TryRead(udp.AsSpan(0, n), out _));
        }
    }
}
