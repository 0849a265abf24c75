using SynAck.Capture.Pcap;
using SynAck.Capture.Tests.Support;
using SynAck.Wire;

namespace SynAck.Capture.Tests;

public class PcapReaderTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Pcap_EitherByteOrderAndResolution_ReadsEveryRecordExactly(bool bigEndian, bool nanosecond)
    {
        var bytes = Craft.Pcap(5, bigEndian, nanosecond);

        var (packets, warnings, format) = Read.Bytes(bytes);

        Assert.Equal(new CaptureFormat(CaptureFileType.Pcap, false, bigEndian, nanosecond, 262144), format);
        Assert.Empty(warnings);
        Assert.Equal(5, packets.Count);
        long offset = 24;
        for (var i = 0; i < 5; i++)
        {
            var p = packets[i];
            Assert.Equal(Craft.Payload(i), p.Data);
            Assert.Equal(i + 20, p.OriginalLength);
            Assert.False(p.IsTruncated);
            Assert.Equal(nanosecond ? Craft.Timestamp(i) : Craft.Micro(Craft.Timestamp(i)), p.TimestampNanos);
            Assert.Equal(nanosecond ? 9 : 6, p.TimestampDigits);
            Assert.Equal(Craft.Ethernet, p.LinkType);
            Assert.Equal(i + 1, p.FrameNumber);
            Assert.Equal(offset, p.FileOffset);
            offset += 16 + i + 20;
        }
    }

    [Fact]
    public void Header_BigEndianMagic_ReadsFieldsBigEndian()
    {
        byte[] header = [0xA1, 0xB2, 0xC3, 0xD4, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 113];

        Assert.True(PcapFileHeader.TryRead(header, out var h));

        Assert.Equal(new PcapFileHeader(true, false, 2, 4, 4096, LinkType.LinuxSll, 0), h);
    }

    [Fact]
    public void Header_LinkTypeWithFcsBits_MasksThemOff()
    {
        var bytes = Craft.Pcap(1);
        bytes[20] = 1;
        bytes[21] = 0;
        bytes[22] = 0;
        bytes[23] = 0x44; // FCS length 4 present (bit 26) in the upper bits

        Assert.True(PcapFileHeader.TryRead(bytes, out var h));
        var (packets, _, _) = Read.Bytes(bytes);

        Assert.Equal(LinkType.Ethernet, h.LinkType);
        Assert.Equal(4, h.FcsLength);
        Assert.Equal(LinkType.Ethernet, packets[0].LinkType);
    }

    [Fact]
    public void Writer_SnapLengthShorterThanPacket_RecordMarkedTruncated()
    {
        using var ms = new MemoryStream();
        using (var w = new PcapWriter(ms, Craft.Ethernet, 64, false, false, leaveOpen: true))
        {
            w.Write(Craft.Timestamp(0), Craft.Payload(0, 100));
            w.Write(Craft.Timestamp(1), Craft.Payload(1, 50), 1500);
        }

        var (packets, warnings, format) = Read.Bytes(ms.ToArray());

        Assert.Empty(warnings);
        Assert.Equal(64, format.SnapLength);
        Assert.Equal(Craft.Payload(0, 100)[..64], packets[0].Data);
        Assert.Equal(100, packets[0].OriginalLength);
        Assert.True(packets[0].IsTruncated);
        Assert.Equal(50, packets[1].Data.Length);
        Assert.Equal(1500, packets[1].OriginalLength);
        Assert.True(packets[1].IsTruncated);
    }

    [Fact]
    public void Record_CapturedLengthAboveSnapLength_IsTolerated()
    {
        var bytes = Craft.Pcap(2);
        bytes.AsSpan(16, 4).Clear();
        bytes[16] = 10; // snaplen 10, while the records hold 20 and 21 bytes

        var (packets, warnings, format) = Read.Bytes(bytes);

        Assert.Empty(warnings);
        Assert.Equal(10, format.SnapLength);
        Assert.Equal(2, packets.Count);
        Assert.Equal(Craft.Payload(1), packets[1].Data);
    }

    [Fact]
    public void Record_CapturedLengthAboveLimit_StopsWithCorruptWarning()
    {
        var bytes = Craft.Pcap(3);
        var second = 24 + 16 + 20;
        bytes[second + 8] = 0x01;
        bytes[second + 9] = 0x00;
        bytes[second + 10] = 0x10; // captured length 0x100001 = 1 MiB + 1

        var (packets, warnings, _) = Read.Bytes(bytes);

        Assert.Single(packets);
        Assert.Equal(
            [new CaptureWarning(second, $"corrupt record at byte {second}: captured length 1048577 exceeds the limit of 262144 bytes")],
            warnings);
    }

    [Fact]
    public void Reader_ResumedFromStateAfterEveryByte_ReadsTheSamePackets()
    {
        var bytes = Craft.Pcap(4, bigEndian: true, nanosecond: true);
        Assert.True(PcapFileHeader.TryRead(bytes, out var header));
        var state = new PcapReaderState(header);
        var start = PcapFileHeader.Size;
        var seen = new List<long>();
        for (var end = start; end <= bytes.Length; end++)
        {
            var reader = new PcapReader(bytes.AsSpan(start, end - start), state, isFinalBlock: end == bytes.Length);
            while (reader.TryReadPacket(out var p, out _))
            {
                seen.Add(p.TimestampNanos);
            }

            state = reader.CurrentState;
            start += reader.BytesConsumed;
        }

        Assert.Equal([Craft.Timestamp(0), Craft.Timestamp(1), Craft.Timestamp(2), Craft.Timestamp(3)], seen);
        Assert.Equal(4, state.FrameNumber);
        Assert.Equal(bytes.Length, state.Offset);
    }

    [Fact]
    public void Reader_FinalBlockAtRecordBoundary_ReportsEndOfData()
    {
        var bytes = Craft.Pcap(1);
        Assert.True(PcapFileHeader.TryRead(bytes, out var header));
        var reader = new PcapReader(bytes.AsSpan(24), new PcapReaderState(header), isFinalBlock: true);

        Assert.True(reader.TryReadPacket(out _, out var first));
        Assert.False(reader.TryReadPacket(out _, out var second));

        Assert.Equal(CaptureReadStatus.Ok, first);
        Assert.Equal(CaptureReadStatus.EndOfData, second);
    }

    [Fact]
    public void Record_SecondsAbove2Pow31_ReadAsUnsigned()
    {
        var late = 3_000_000_000L * 1_000_000_000L; // year 2065
        using var ms = new MemoryStream();
        using (var w = new PcapWriter(ms, Craft.Raw, 65535, true, false, leaveOpen: true))
        {
            w.Write(late + 7, [0x45]);
        }

        var (packets, _, _) = Read.Bytes(ms.ToArray());

        Assert.Equal(late + 7, packets[0].TimestampNanos);
        Assert.Equal(Craft.Raw, packets[0].LinkType);
    }

    [Fact]
    public void Writer_TimestampBeforeEpoch_Throws()
    {
        using var ms = new MemoryStream();
        using var w = new PcapWriter(ms, Craft.Raw);

        Assert.Throws<ArgumentOutOfRangeException>(() => w.Write(-1, [0x45]));
    }
}
