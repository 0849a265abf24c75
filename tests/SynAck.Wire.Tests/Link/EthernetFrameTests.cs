using SynAck.Wire.Link;

namespace SynAck.Wire.Tests.Link;

public sealed class EthernetFrameTests
{
    [Fact]
    public void EthernetFrame_Golden_ReadsAddressesAndType()
    {
        var frame = Golden.Bytes(Golden.EthernetIpv4Syn);
        Assert.Equal(ParseStatus.Ok, EthernetFrame.TryRead(frame, out var f));
        Assert.Equal("020000000002", Convert.ToHexStringLower(f.Destination));
        Assert.Equal("020000000001", Convert.ToHexStringLower(f.Source));
        Assert.Equal((ushort)EtherType.Ipv4, f.EtherType);
        Assert.Equal(60, f.Payload.Length);
    }

    [Fact]
    public void EthernetFrame_EveryTruncation_ReturnsTruncated()
    {
        var frame = Golden.Bytes(Golden.EthernetIpv4Syn);
        for (var n = 0; n < EthernetFrame.HeaderLength; n++)
        {
            Assert.Equal(ParseStatus.Truncated, EthernetFrame.TryRead(frame.AsSpan(0, n), out _));
            Assert.Equal(ParseStatus.Truncated, PacketDecoder.Decode(LinkType.Ethernet, frame.AsSpan(0, n), out var p));
            Assert.Equal(0, p.IpVersion);
        }
    }
}
