using SynAck.Wire.Tcp;

namespace SynAck.Wire.Tests.Tcp;

public sealed class TcpHeaderTests
{
    private static byte[] SynSegment() => Golden.Bytes(Golden.EthernetIpv4Syn)[34..];

    [Fact]
    public void TcpHeader_GoldenSyn_ReadsEveryField()
    {
        var seg = SynSegment();
        Assert.Equal(ParseStatus.Ok, TcpHeader.TryRead(seg, out var h));
        Assert.Equal(51234, h.SourcePort);
        Assert.Equal(443, h.DestinationPort);
        Assert.Equal(new SeqNumber(0x12345678), h.Seq);
        Assert.Equal(new SeqNumber(0), h.Ack);
        Assert.Equal(10, h.DataOffset);
        Assert.Equal(40, h.HeaderLength);
        Assert.Equal(TcpFlags.Syn, h.Flags);
        Assert.Equal(0, h.ReservedBits);
        Assert.Equal(64240, h.Window);
        Assert.Equal(0x4ACC, h.Checksum);
        Assert.Equal(0, h.UrgentPointer);
        Assert.Equal(20, h.OptionsSpan.Length);
        Assert.Equal(0, h.Payload.Length);
    }

    [Theory]
    [InlineData(0x001, TcpFlags.Fin)]
    [InlineData(0x002, TcpFlags.Syn)]
    [InlineData(0x004, TcpFlags.Rst)]
    [InlineData(0x008, TcpFlags.Psh)]
    [InlineData(0x010, TcpFlags.Ack)]
    [InlineData(0x020, TcpFlags.Urg)]
    [InlineData(0x040, TcpFlags.Ece)]
    [InlineData(0x080, TcpFlags.Cwr)]
    [InlineData(0x100, TcpFlags.Ae)]
    [InlineData(0x1FF, TcpFlags.Fin | TcpFlags.Syn | TcpFlags.Rst | TcpFlags.Psh | TcpFlags.Ack | TcpFlags.Urg | TcpFlags.Ece | TcpFlags.Cwr | TcpFlags.Ae)]
    [InlineData(0xE03, TcpFlags.Syn | TcpFlags.Fin)]
    public void TcpHeader_FlagBits_MapToTcpFlags(int bits, TcpFlags expected)
    {
        var seg = new byte[20];
        seg[12] = (byte)(0x50 | (bits >> 8));
        seg[13] = (byte)bits;
        Assert.Equal(ParseStatus.Ok, TcpHeader.TryRead(seg, out var h));
        Assert.Equal(expected, h.Flags);
        Assert.Equal((bits >> 9) & 7, h.ReservedBits);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void TcpHeader_DataOffsetBelow5_ReturnsBadDataOffset(int dataOffset)
    {
        var seg = new byte[40];
        seg[12] = (byte)(dataOffset << 4);
        Assert.Equal(ParseStatus.BadDataOffset, TcpHeader.TryRead(seg, out _));
    }

    [Fact]
    public void TcpHeader_DataOffsetBeyondBytes_ReturnsBadDataOffset()
    {
        var seg = new byte[24];
        seg[12] = 0x60; // 24 bytes: fits
        Assert.Equal(ParseStatus.Ok, TcpHeader.TryRead(seg, out _));
        seg[12] = 0x70; // 28 bytes: does not
        Assert.Equal(ParseStatus.BadDataOffset, TcpHeader.TryRead(seg, out _));
    }

    [Fact]
    public void TcpHeader_EveryTruncation_ReturnsStatusWithoutThrowing()
    {
        var seg = SynSegment();
        for (var n = 0; n < seg.Length; n++)
        {
            var expected = n < 20 ? ParseStatus.Truncated : ParseStatus.BadDataOffset;
            Assert.Equal(expected, TcpHeader.TryRead(seg.AsSpan(0, n), out _));
        }
    }
}
