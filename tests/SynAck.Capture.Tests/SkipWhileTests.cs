using FsCheck.Xunit;
using SynAck.Capture.Pcap;
using SynAck.Capture.Tests.Support;
using SynAck.Wire;

namespace SynAck.Capture.Tests;

public class SkipWhileTests
{
    /// <summary>
    /// Any capture (either byte order and time resolution, a truncated tail or a corrupt record), read through a
    /// stream in any piece size, with packets passed over by any rule in runs of any length: every packet read is the
    /// one a plain read returns for its number (bytes, time, offset), the packets passed over are exactly the ones in
    /// between and all of them ones the rule passes over, the rule saw each packet's own bytes and time, a declined
    /// packet is the next one read, and the reader ends with the same warnings.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool SkipWhile_AnyCaptureAndRule_ReadsWhatAPlainReadDoesProperty(
        byte packets, bool bigEndian, bool nanosecond, ushort chunk, byte maxSkip, int rule, byte cut, byte corruptAt)
    {
        var count = packets % 120;
        var bytes = Craft.Pcap(count, bigEndian, nanosecond, snapLength: 4096);
        if (count > 0 && corruptAt % 4 == 0)
        {
            // A captured length no capture has: the plain read stops there with a warning.
            var offset = RecordOffset(bytes, bigEndian, corruptAt % count);
            PcapFileHeader.Write32(bytes.AsSpan(offset + 8), 0x7FFF_0000, bigEndian);
        }

        if (cut % 3 == 0 && bytes.Length > 24)
        {
            bytes = bytes.AsSpan(0, bytes.Length - 1 - (cut % Math.Min(40, bytes.Length - 24))).ToArray();
        }

        var expected = Read.Bytes(bytes);
        var max = maxSkip % 12;

        // FsCheck's numbers are small: spread them over piece sizes from a byte to the whole capture, and over rules.
        var pieces = chunk % 4 == 0 ? int.MaxValue : 1 + (chunk * 97 % 3000);
        using var reader = CaptureReader.Open(new ChunkedStream(bytes, pieces), "test");
        var skip = new ByRule(unchecked(rule * (int)0x9E3779B9));
        var frame = 1L;
        while (true)
        {
            var seenBefore = skip.Seen.Count;
            var passed = reader.SkipWhile(ref skip, max, out var declined);
            Assert.InRange(passed, 0, max);
            Assert.Equal(passed + (declined ? 1 : 0), skip.Seen.Count - seenBefore);
            for (var k = 0; k < skip.Seen.Count - seenBefore; k++)
            {
                // What the rule saw: the bytes and time of the packets in order from the next one.
                var packet = expected.Packets[(int)(frame - 1 + k)];
                Assert.Equal(Convert.ToHexString(packet.Data), skip.Seen[seenBefore + k].Data);
                Assert.Equal(packet.TimestampNanos, skip.Seen[seenBefore + k].Time);
                Assert.Equal(k < passed, skip.Passes(packet.Data));
            }

            frame += passed;
            if (!reader.TryReadNext(out var read))
            {
                break;
            }

            Assert.Equal(frame, read.FrameNumber);
            Assert.Equal(Describe(expected.Packets[(int)frame - 1]), Describe(PacketRecord.From(read)));
            if (declined)
            {
                Assert.Equal(skip.Seen[^1].Data, Convert.ToHexString(read.Data));
            }

            frame++;
        }

        Assert.Equal(expected.Packets.Count + 1, frame);
        Assert.Equal(expected.Warnings, reader.Warnings);
        return true;
    }

    [Fact]
    public void SkipWhile_WholeFile_PassesOverTheRulesPacketsAndKeepsTheNumbering()
    {
        using var dir = new TempDir();
        using var reader = OpenTen(dir);

        // Payload i starts with byte 7i: odd for odd i; the rule passes over odd first bytes.
        var skip = new ByRule(unchecked((int)0xAAAAAAAA));
        Assert.Equal(0, reader.SkipWhile(ref skip, 5, out var declined));
        Assert.True(declined);
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(1, first.FrameNumber);
        Assert.Equal(1, reader.SkipWhile(ref skip, 5, out declined));
        Assert.True(declined);
        Assert.True(reader.TryReadNext(out var third));
        Assert.Equal(3, third.FrameNumber);
        Assert.Equal(Craft.Micro(Craft.Timestamp(2)), third.TimestampNanos);
        Assert.Equal(Craft.Payload(2), third.Data.ToArray());
        Assert.Equal(3, reader.PacketCount);
    }

    [Fact]
    public void SkipWhile_MaxPackets_StopsThereWithoutDeclining()
    {
        using var dir = new TempDir();
        using var reader = OpenTen(dir);
        var all = new ByRule(-1);

        Assert.Equal(4, reader.SkipWhile(ref all, 4, out var declined));
        Assert.False(declined);
        Assert.True(reader.TryReadNext(out var fifth));
        Assert.Equal(5, fifth.FrameNumber);
        Assert.Equal(5, reader.SkipWhile(ref all, 100, out declined));
        Assert.False(declined);
        Assert.False(reader.TryReadNext(out _));
        Assert.Empty(reader.Warnings);
        Assert.Equal(10, reader.PacketCount);
    }

    [Fact]
    public void SkipWhile_RecordLongerThanAnyCapture_StopsBeforeItForTheReadToReport()
    {
        // The second record claims 300,000 bytes (past the 256 KiB any pcap may hold) and the file has them, so the
        // record is whole in the buffer: the pass-over loop must still leave it to TryReadNext, which reports it.
        using var dir = new TempDir();
        var path = dir.File("long.pcap");
        var two = Craft.Pcap(2);
        var second = RecordOffset(two, false, 1);
        PcapFileHeader.Write32(two.AsSpan(second + 8), 300_000, false);
        File.WriteAllBytes(path, [.. two, .. new byte[300_000]]);
        var expected = Read.File(path);
        using var reader = CaptureReader.Open(path);
        var all = new ByRule(-1);

        Assert.Equal(1, reader.SkipWhile(ref all, 10, out var declined));
        Assert.False(declined);
        Assert.False(reader.TryReadNext(out _));
        Assert.Single(expected.Packets);
        Assert.Equal(expected.Warnings, reader.Warnings);
        Assert.Single(reader.Warnings);
    }

    [Fact]
    public void SkipWhile_PcapNg_PassesOverNothing()
    {
        using var ms = new MemoryStream();
        using (var w = new PcapNgWriter(ms, leaveOpen: true))
        {
            var id = w.AddInterface(Craft.Ethernet);
            w.WriteEnhancedPacket(id, Craft.Timestamp(0), Craft.Payload(1), 21);
        }

        using var reader = CaptureReader.Open(new MemoryStream(ms.ToArray()), "test");
        var all = new ByRule(-1);

        Assert.Equal(0, reader.SkipWhile(ref all, 10, out var declined));
        Assert.False(declined);
        Assert.Empty(all.Seen);
        Assert.True(reader.TryReadNext(out var packet));
        Assert.Equal(1, packet.FrameNumber);
    }

    /// <summary>A reader over a 10-packet microsecond pcap file in <paramref name="dir"/>.</summary>
    private static CaptureReader OpenTen(TempDir dir)
    {
        var path = dir.File("ten.pcap");
        File.WriteAllBytes(path, Craft.Pcap(10));
        return CaptureReader.Open(path);
    }

    private static string Describe(PacketRecord p) =>
        $"{p.FrameNumber} {p.FileOffset} {p.TimestampNanos} {p.OriginalLength} {Convert.ToHexString(p.Data)}";

    private static int RecordOffset(byte[] pcap, bool bigEndian, int index)
    {
        var offset = 24;
        for (var i = 0; i < index; i++)
        {
            offset += 16 + (int)PcapFileHeader.Read32(pcap.AsSpan(offset + 8), bigEndian);
        }

        return offset;
    }

    /// <summary>Passes over a packet when bit (first byte mod 32) of the rule is set; remembers what it saw.</summary>
    private struct ByRule(int rule) : IPacketSkip
    {
        public List<(string Data, long Time)> Seen { get; } = [];

        public readonly bool Passes(ReadOnlySpan<byte> data) => data.Length > 0 && ((rule >> (data[0] % 32)) & 1) == 1;

        public bool Skip(LinkType linkType, ReadOnlySpan<byte> data, long timestampNanos)
        {
            Assert.Equal(LinkType.Ethernet, linkType);
            Seen.Add((Convert.ToHexString(data), timestampNanos));
            return Passes(data);
        }
    }
}
