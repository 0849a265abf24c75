using System.IO.Compression;
using SynAck.Capture.Tests.Support;

namespace SynAck.Capture.Tests;

public class OpenAnotherTests
{
    [Fact]
    public void OpenAnother_File_ReadsTheSamePacketsFromTheStart()
    {
        using var dir = new TempDir();
        var path = dir.File("a.pcap");
        File.WriteAllBytes(path, Craft.Pcap(5));
        using var first = CaptureReader.Open(path);
        Assert.True(first.TryReadNext(out _));

        using var second = first.OpenAnother();

        Assert.NotNull(second);
        var again = Read.All(second!).Packets;
        var expected = Read.File(path).Packets;
        Assert.Equal(5, again.Count);
        Assert.Equal(expected.Select(Describe), again.Select(Describe));
        Assert.Equal(first.Format, second!.Format);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void OpenAnother_TruncatedTail_SamePacketsAndWarningAsTheFirstReader(bool bigEndian, bool nanosecond)
    {
        using var dir = new TempDir();
        var path = dir.File("cut.pcap");
        var whole = Craft.Pcap(50, bigEndian, nanosecond);
        File.WriteAllBytes(path, whole.AsSpan(0, whole.Length - 5).ToArray());
        using var first = CaptureReader.Open(path);

        // Opened before the first reader reads anything (as a parallel run does): it starts at the first record
        // without probing the header again, and takes its buffer on its first read.
        using var second = first.OpenAnother();

        var expected = Read.All(first);
        var again = Read.All(second!);
        Assert.Equal(49, again.Packets.Count);
        Assert.Equal(expected.Packets.Select(Describe), again.Packets.Select(Describe));
        Assert.Equal(expected.Warnings, again.Warnings);
        Assert.Single(again.Warnings);
        Assert.Equal(first.Format, second!.Format);
        Assert.Equal(first.BytesRead, second.BytesRead);
    }

    [Fact]
    public void OpenAnother_FileGrowsAfterOpening_BothReadersStopAtTheFirstLength()
    {
        using var dir = new TempDir();
        var path = dir.File("growing.pcap");
        var five = Craft.Pcap(5);
        var seven = Craft.Pcap(7);
        File.WriteAllBytes(path, five);
        using var first = CaptureReader.Open(path);

        // Two more packets appended after the first reader opened the file.
        using (var append = new FileStream(path, FileMode.Append))
        {
            append.Write(seven.AsSpan(five.Length));
        }

        using var second = first.OpenAnother();

        Assert.Equal(five.Length, first.TotalBytes);
        Assert.Equal(five.Length, second!.TotalBytes);
        Assert.Equal(5, Read.All(first).Packets.Count);
        Assert.Equal(5, Read.All(second).Packets.Count);
        Assert.Empty(first.Warnings);
        Assert.Equal(7, Read.File(path).Packets.Count);
    }

    [Fact]
    public void OpenAnother_GzipFile_IsNull()
    {
        using var dir = new TempDir();
        var path = dir.File("a.pcap.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Craft.Pcap(3));
        }

        using var reader = CaptureReader.Open(path);

        Assert.True(reader.Format.IsGzip);
        Assert.Null(reader.OpenAnother());
    }

    [Fact]
    public void OpenAnother_Stream_IsNull()
    {
        using var reader = CaptureReader.Open(new MemoryStream(Craft.Pcap(3)), "test");

        Assert.Null(reader.OpenAnother());
    }

    private static string Describe(PacketRecord p) =>
        $"{p.FrameNumber} {p.FileOffset} {p.TimestampNanos} {p.OriginalLength} {Convert.ToHexString(p.Data)}";

    [Fact]
    public void OpenAnother_FileDeletedMeanwhile_IsNull()
    {
        using var dir = new TempDir();
        var path = dir.File("gone.pcap");
        File.WriteAllBytes(path, Craft.Pcap(2));
        using var reader = CaptureReader.Open(path);
        File.Delete(path);

        Assert.Null(reader.OpenAnother());
    }
}
