using System.Buffers.Binary;
using SynAck.Capture.Tests.Support;

namespace SynAck.Capture.Tests;

public class LargeFileTests
{
    private const int RecordData = 16 * 1024 * 1024;
    private const int Records = 130; // 130 * (16 MiB + 16) > 2^31 bytes

    [Fact]
    public void File_LargerThan2GiB_ReadsRecordsBeyondTheLimit()
    {
        using var dir = new TempDir();
        var path = dir.File("big.pcap");
        long length;
        using (var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            // Sparse: only the headers are written, the packet bytes are holes that read as zeros.
            using (var w = new PcapWriter(f, Craft.Ethernet, RecordData, false, false, leaveOpen: true))
            {
            }

            Span<byte> header = stackalloc byte[16];
            for (var i = 0; i < Records; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)i);
                BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 0);
                BinaryPrimitives.WriteUInt32LittleEndian(header[8..], RecordData);
                BinaryPrimitives.WriteUInt32LittleEndian(header[12..], RecordData);
                f.Position = 24 + ((long)i * (16 + RecordData));
                f.Write(header);
            }

            length = 24 + ((long)Records * (16 + RecordData));
            f.SetLength(length);
        }

        using var reader = CaptureReader.Open(path);
        long count = 0;
        long lastOffset = 0;
        long lastTimestamp = 0;
        while (reader.TryReadNext(out var p))
        {
            count++;
            lastOffset = p.FileOffset;
            lastTimestamp = p.TimestampNanos;
            Assert.Equal(RecordData, p.Data.Length);
        }

        Assert.Empty(reader.Warnings);
        Assert.Equal(Records, count);
        Assert.Equal(24 + ((long)(Records - 1) * (16 + RecordData)), lastOffset);
        Assert.True(lastOffset > int.MaxValue);
        Assert.Equal((Records - 1) * 1_000_000_000L, lastTimestamp);
        Assert.Equal(length, reader.BytesRead);
    }
}
