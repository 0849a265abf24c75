using SynAck.Capture.Tests.Support;

namespace SynAck.Capture.Tests;

public class TruncationTests
{
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(7)]
    public void Pcap_CutAtEveryOffset_KeepsWholeRecordsAndNamesTheCut(int chunk)
    {
        var bytes = Craft.Pcap(3, nanosecond: true);
        int[] starts = [24, 24 + 36, 24 + 36 + 37, bytes.Length];

        for (var cut = 24; cut < bytes.Length; cut++)
        {
            var (packets, warnings, _) = Read.Bytes(bytes[..cut], chunk);

            var whole = Array.FindLastIndex(starts, s => s <= cut);
            Assert.Equal(whole, packets.Count);
            if (cut == starts[whole])
            {
                Assert.Empty(warnings);
                continue;
            }

            var at = starts[whole];
            var have = cut - at;
            var need = have < 16 ? 16 : starts[whole + 1] - at;
            Assert.Equal([new CaptureWarning(at, $"truncated record at byte {at}: {have} of {need} bytes")], warnings);
        }
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(5)]
    public void PcapNg_CutAtEveryOffset_KeepsWholeBlocksAndNamesTheCut(int chunk)
    {
        using var ms = new MemoryStream();
        var starts = new List<int>();
        using (var w = new PcapNgWriter(ms, bigEndian: true, leaveOpen: true))
        {
            starts.Add(0);
            w.Flush();
            starts.Add((int)ms.Length);
            w.AddInterface(Craft.Ethernet, 0, 9);
            for (var i = 0; i < 3; i++)
            {
                w.Flush();
                starts.Add((int)ms.Length);
                w.WriteEnhancedPacket(0, Craft.Timestamp(i), Craft.Payload(i), i + 20);
            }
        }

        var bytes = ms.ToArray();
        starts.Add(bytes.Length);
        for (var cut = 12; cut < bytes.Length; cut++)
        {
            var (packets, warnings, _) = Read.Bytes(bytes[..cut], chunk);

            var block = starts.FindLastIndex(s => s <= cut);
            Assert.Equal(Math.Max(0, block - 2), packets.Count);
            if (cut == starts[block])
            {
                Assert.Empty(warnings);
                continue;
            }

            var at = starts[block];
            var have = cut - at;
            var need = have < 12 ? 12 : starts[block + 1] - at;
            Assert.Equal([new CaptureWarning(at, $"truncated block at byte {at}: {have} of {need} bytes")], warnings);
        }
    }

    [Fact]
    public void PcapFile_CutInsideLastRecord_FileSourceWarnsWithOffset()
    {
        using var dir = new TempDir();
        var bytes = Craft.Pcap(3);
        var path = dir.File("cut.pcap");
        File.WriteAllBytes(path, bytes[..^5]);

        var (packets, warnings, _) = Read.File(path);

        Assert.Equal(2, packets.Count);
        Assert.Equal([new CaptureWarning(97, "truncated record at byte 97: 33 of 38 bytes")], warnings);
    }

    [Theory]
    [InlineData(0, "test: empty file, not a pcap or pcapng capture")]
    [InlineData(3, "test: not a pcap or pcapng capture (3-byte file)")]
    [InlineData(10, "test: truncated pcap file header (10 of 24 bytes)")]
    [InlineData(23, "test: truncated pcap file header (23 of 24 bytes)")]
    public void PcapHeader_Cut_ThrowsFormatException(int cut, string message)
    {
        var bytes = Craft.Pcap(1)[..cut];

        var e = Assert.Throws<CaptureFormatException>(() => Read.Bytes(bytes));

        Assert.Equal(message, e.Message);
    }
}
