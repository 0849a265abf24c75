using SynAck.Capture.PcapNg;
using SynAck.Capture.Tests.Support;

namespace SynAck.Capture.Tests;

public class PcapNgReaderTests
{
    private const long BaseNanos = 1_700_000_000_123_456_789L;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Interfaces_DifferentLinkTypesAndResolutions_ConvertEachTimestamp(bool bigEndian)
    {
        using var ms = new MemoryStream();
        using (var w = new PcapNgWriter(ms, bigEndian, leaveOpen: true))
        {
            w.AddInterface(Craft.Ethernet);                             // 10^-6 s (default)
            w.AddInterface(Craft.Raw, 128, tsResolution: 9);            // 10^-9 s
            w.AddInterface(Craft.LinuxSll, 0, tsResolution: 0x80 | 10); // 2^-10 s
            w.AddInterface(Craft.Ethernet, 0, tsResolution: 3, tsOffsetSeconds: 1_000_000_000); // ms + offset
            w.WriteEnhancedPacket(0, BaseNanos, Craft.Payload(0), 20);
            w.WriteEnhancedPacket(1, BaseNanos, Craft.Payload(1), 21);
            w.WriteEnhancedPacketUnits(2, (1_700_000_000UL * 1024) + 513, Craft.Payload(2), 22);
            w.WriteEnhancedPacketUnits(3, 700_000_000_123UL, Craft.Payload(3), 23);
        }

        var (packets, warnings, format) = Read.Bytes(ms.ToArray());

        Assert.Empty(warnings);
        Assert.Equal(new CaptureFormat(CaptureFileType.PcapNg, false, bigEndian, false, 0), format);
        Assert.Equal([1_700_000_000_123_456_000L, BaseNanos, 1_700_000_000_500_976_562L, 1_700_000_000_123_000_000L],
            packets.Select(p => p.TimestampNanos));
        Assert.Equal([6, 9, 4, 3], packets.Select(p => (int)p.TimestampDigits));
        Assert.Equal([Craft.Ethernet, Craft.Raw, Craft.LinuxSll, Craft.Ethernet], packets.Select(p => p.LinkType));
        Assert.Equal([0, 1, 2, 3], packets.Select(p => p.InterfaceId));
        Assert.Equal([1L, 2, 3, 4], packets.Select(p => p.FrameNumber));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Craft.Payload(i), packets[i].Data);
        }
    }

    [Fact]
    public void Sections_SeveralWithBothByteOrders_ResetInterfaces()
    {
        using var ms = new MemoryStream();
        using (var w = new PcapNgWriter(ms, bigEndian: false, leaveOpen: true))
        {
            w.AddInterface(Craft.Ethernet);
            w.AddInterface(Craft.Raw, 0, 9);
            w.WriteEnhancedPacket(1, BaseNanos, Craft.Payload(0), 20);
            w.StartSection(bigEndian: true);
            w.AddInterface(Craft.LinuxSll, 0, 9);
            w.WriteEnhancedPacket(0, BaseNanos + 1, Craft.Payload(1), 21);
            w.StartSection(bigEndian: false);
            w.AddInterface(Craft.Raw);
            w.WriteEnhancedPacket(0, BaseNanos + 2000, Craft.Payload(2), 22);
        }

        var (packets, warnings, _) = Read.Bytes(ms.ToArray());

        Assert.Empty(warnings);
        Assert.Equal([Craft.Raw, Craft.LinuxSll, Craft.Raw], packets.Select(p => p.LinkType));
        Assert.Equal([1, 0, 0], packets.Select(p => p.InterfaceId));
        Assert.Equal([BaseNanos, BaseNanos + 1, Craft.Micro(BaseNanos + 2000)], packets.Select(p => p.TimestampNanos));
        Assert.Equal(Craft.Payload(1), packets[1].Data);
    }

    [Fact]
    public void Sections_PacketForInterfaceOfPreviousSection_StopsWithWarning()
    {
        using var ms = new MemoryStream();
        int offset;
        using (var w = new PcapNgWriter(ms, leaveOpen: true))
        {
            w.AddInterface(Craft.Ethernet);
            w.AddInterface(Craft.Ethernet);
            w.WriteEnhancedPacket(1, BaseNanos, Craft.Payload(0), 20);
            w.StartSection(bigEndian: false);
            w.AddInterface(Craft.Ethernet);
            w.Flush();
            offset = (int)ms.Length;
            w.WriteEnhancedPacket(0, BaseNanos, Craft.Payload(1), 21);
        }

        var bytes = ms.ToArray();
        bytes[offset + 8] = 1; // interface 1 of the new section does not exist

        var (packets, warnings, _) = Read.Bytes(bytes);

        Assert.Single(packets);
        Assert.Equal(
            [new CaptureWarning(offset, $"corrupt block at byte {offset}: interface 1 is not defined (1 interfaces in the section)")],
            warnings);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SimplePacket_UsesSnapLengthOfInterface0AndOriginalLengthFromBlock(bool bigEndian)
    {
        using var ms = new MemoryStream();
        using (var w = new PcapNgWriter(ms, bigEndian, leaveOpen: true))
        {
            w.AddInterface(Craft.Raw, snapLength: 16);
            w.WriteSimplePacket(Craft.Payload(0, 20), 1500); // 20 bytes present, snaplen says 16
            w.WriteSimplePacket(Craft.Payload(1, 10), 10);   // padded to 12 in the block, original says 10
        }

        var (packets, warnings, _) = Read.Bytes(ms.ToArray());

        Assert.Empty(warnings);
        Assert.Equal(Craft.Payload(0, 20)[..16], packets[0].Data);
        Assert.Equal(1500, packets[0].OriginalLength);
        Assert.True(packets[0].IsTruncated);
        Assert.Equal(Craft.Payload(1, 10), packets[1].Data);
        Assert.False(packets[1].IsTruncated);
        Assert.Equal(Craft.Raw, packets[1].LinkType);
        Assert.Equal(0, packets[1].TimestampNanos);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ObsoletePacketBlock_ReadLikeEnhanced(bool bigEndian)
    {
        using var ms = new MemoryStream();
        using (var w = new PcapNgWriter(ms, bigEndian, leaveOpen: true))
        {
            w.AddInterface(Craft.Ethernet);
            w.AddInterface(Craft.Raw, 0, 9);
            w.WriteObsoletePacket(1, BaseNanos, Craft.Payload(5), 100);
        }

        var (packets, warnings, _) = Read.Bytes(ms.ToArray());

        Assert.Empty(warnings);
        var p = Assert.Single(packets);
        Assert.Equal(1, p.InterfaceId);
        Assert.Equal(Craft.Raw, p.LinkType);
        Assert.Equal(BaseNanos, p.TimestampNanos);
        Assert.Equal(Craft.Payload(5), p.Data);
        Assert.Equal(100, p.OriginalLength);
    }

    [Fact]
    public void UnknownBlocks_AreSkipped()
    {
        using var ms = new MemoryStream();
        using (var w = new PcapNgWriter(ms, leaveOpen: true))
        {
            w.WriteBlock(0x0BAD, [1, 2, 3]);
            w.AddInterface(Craft.Ethernet);
            w.WriteBlock(PcapNgBlockType.NameResolution, new byte[8]);
            w.WriteEnhancedPacket(0, BaseNanos, Craft.Payload(0), 20);
            w.WriteBlock(PcapNgBlockType.InterfaceStatistics, new byte[12]);
            w.WriteBlock(0x40000BAD, []);
            w.WriteEnhancedPacket(0, BaseNanos, Craft.Payload(1), 21);
        }

        var (packets, warnings, _) = Read.Bytes(ms.ToArray());

        Assert.Empty(warnings);
        Assert.Equal(2, packets.Count);
        Assert.Equal(Craft.Payload(1), packets[1].Data);
    }

    [Theory]
    [InlineData(13u, "total length 13 is not a multiple of 4 of at least 12")]
    [InlineData(8u, "total length 8 is not a multiple of 4 of at least 12")]
    [InlineData(0x7FFFFFF0u, "total length 2147483632 exceeds the limit of 16777216 bytes")]
    public void CorruptBlockLength_StopsWithWarningAtBlock(uint length, string expected)
    {
        var (bytes, offset) = TwoPacketsThenMark();
        BitConverterLe(bytes, offset + 4, length);

        var (packets, warnings, _) = Read.Bytes(bytes);

        Assert.Single(packets);
        Assert.Equal([new CaptureWarning(offset, $"corrupt block at byte {offset}: {expected}")], warnings);
    }

    [Fact]
    public void TrailingLengthMismatch_StopsWithWarningAtBlock()
    {
        var (bytes, offset) = TwoPacketsThenMark();
        var total = BitConverterLeRead(bytes, offset + 4);
        BitConverterLe(bytes, offset + total - 4, total + 4);

        var (packets, warnings, _) = Read.Bytes(bytes);

        Assert.Single(packets);
        Assert.Equal(
            [new CaptureWarning(offset, $"corrupt block at byte {offset}: trailing length {total + 4} does not match total length {total}")],
            warnings);
    }

    [Fact]
    public void EnhancedPacket_CapturedLengthBeyondBlock_StopsWithWarning()
    {
        var (bytes, offset) = TwoPacketsThenMark();
        BitConverterLe(bytes, offset + 20, 200);

        var (packets, warnings, _) = Read.Bytes(bytes);

        Assert.Single(packets);
        Assert.Equal(
            [new CaptureWarning(offset, $"corrupt block at byte {offset}: body of 24 bytes is shorter than the 200 its fields need")],
            warnings);
    }

    [Fact]
    public void Reader_ResumedFromStateAfterEveryByte_ReadsTheSamePackets()
    {
        var (bytes, _) = TwoPacketsThenMark();
        var state = default(PcapNgReaderState);
        var start = 0;
        var lengths = new List<int>();
        for (var end = 0; end <= bytes.Length; end++)
        {
            var reader = new PcapNgReader(bytes.AsSpan(start, end - start), state, isFinalBlock: end == bytes.Length);
            while (reader.TryReadPacket(out var p, out _))
            {
                lengths.Add(p.Data.Length);
            }

            state = reader.CurrentState;
            start += reader.BytesConsumed;
        }

        Assert.Equal([20, 21], lengths);
        Assert.Equal(bytes.Length, state.Offset);
        Assert.Equal(1, state.SectionCount);
        Assert.Equal(1, state.Interfaces.Length);
    }

    [Fact]
    public void Interface_PowerOfTwoResolution_ConvertsBothWays()
    {
        var iface = new PcapNgInterface(Craft.Ethernet, 0, 0x80 | 20);

        Assert.Equal(1_000_000_000L, iface.ToNanos(1UL << 20));
        Assert.Equal(953L, iface.ToNanos(1));
        Assert.Equal(1UL << 20, iface.ToUnits(1_000_000_000L));
        Assert.Equal(7, iface.TimestampDigits);
    }

    [Fact]
    public void Interface_ResolutionFinerThanNanoseconds_DividesDown()
    {
        var iface = new PcapNgInterface(Craft.Ethernet, 0, 12, tsOffsetSeconds: -10);

        Assert.Equal(-10_000_000_000L + 1_234_567L, iface.ToNanos(1_234_567_890UL));
        Assert.Equal(9, iface.TimestampDigits);
    }

    /// <summary>SHB, IDB, EPB(20 bytes), EPB(21 bytes); returns the second EPB's offset.</summary>
    private static (byte[] Bytes, int SecondPacketOffset) TwoPacketsThenMark()
    {
        using var ms = new MemoryStream();
        int offset;
        using (var w = new PcapNgWriter(ms, leaveOpen: true))
        {
            w.AddInterface(Craft.Ethernet);
            w.WriteEnhancedPacket(0, BaseNanos, Craft.Payload(0), 20);
            w.Flush();
            offset = (int)ms.Length;
            w.WriteEnhancedPacket(0, BaseNanos, Craft.Payload(1), 21);
        }

        return (ms.ToArray(), offset);
    }

    private static void BitConverterLe(byte[] bytes, int at, long value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), (uint)value);

    private static int BitConverterLeRead(byte[] bytes, int at) =>
        (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
}
