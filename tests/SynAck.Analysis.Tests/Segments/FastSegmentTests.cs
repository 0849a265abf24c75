using SynAck.Analysis.Input;
using SynAck.Analysis.Tests.Pipeline;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Segments;

/// <summary>
/// The fast segment parser must give exactly what the general decoder and segment factory give, for every frame it
/// accepts; and it must accept the plain frames, or it is never used.
/// </summary>
public class FastSegmentTests
{
    [SkippableFact]
    public void FastSegment_EveryTestCapturePacket_SameSegmentAsTheGeneralPath()
    {
        var captures = PipelineFiles.AllTestCaptures();
        Skip.If(captures is null, "../shared/corpus/zeek is not present");
        long fast = 0;
        long general = 0;
        PipelineFiles.EveryDecodedPacket(captures!, (string path, in CapturedPacket packet, in DecodedPacket decoded) =>
        {
            var made = TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, false, out var expected);
            general += made ? 1 : 0;
            if (FastSegment.TryParse(packet.LinkType, packet.Data, packet.FrameNumber, packet.TimestampNanos, out var segment))
            {
                fast++;
                Assert.True(made, $"{path} packet {packet.FrameNumber}: fast parse of a frame the general path rejects");
                Assert.Equal(expected, segment);
            }
        });

        Assert.True(fast > general / 2, $"{fast} of {general} segments parsed fast");
    }

    [Fact]
    public void FastSegment_EdgeFrames_SameAsTheGeneralPathOrDeclined()
    {
        foreach (var frame in EdgeFrames())
        {
            PacketDecoder.Decode(LinkType.Ethernet, frame, DecodeOptions.FollowTunnels, out var decoded);
            var made = TcpSegmentFactory.TryCreate(decoded, 7, 1_000, false, out var expected);
            if (FastSegment.TryParse(LinkType.Ethernet, frame, 7, 1_000, out var segment))
            {
                Assert.True(made);
                Assert.Equal(expected, segment);
            }
        }

        Assert.True(FastSegment.TryParse(LinkType.Ethernet, Frame(total: 40 + 12, dataOffset: 5, capturedPayload: 12), 1, 1, out var plain));
        Assert.Equal(12, plain.PayloadLength);
        Assert.False(plain.PayloadTruncated);
        Assert.True(FastSegment.TryParse(LinkType.Ethernet, Frame(total: 40 + 100, dataOffset: 5, capturedPayload: 10), 1, 1, out var cut));
        Assert.Equal(100, cut.PayloadLength);
        Assert.True(cut.PayloadTruncated);
    }

    /// <summary>Frames around every limit the parser checks: lengths, data offsets, padding, options, fragments.</summary>
    private static IEnumerable<byte[]> EdgeFrames()
    {
        foreach (var total in new[] { 0, 20, 39, 40, 44, 52, 60, 100, 1500 })
        {
            foreach (var dataOffset in new[] { 0, 4, 5, 6, 8, 15 })
            {
                foreach (var captured in new[] { 0, 4, 12, 20, 40, 200 })
                {
                    yield return Frame(total, dataOffset, captured);
                    var fragment = Frame(total, dataOffset, captured);
                    fragment[14 + 6] = 0x20;
                    yield return fragment;
                }
            }
        }
    }

    /// <summary>Ethernet + IPv4 (20 bytes, total length as given) + TCP with the data offset as given, options of NOPs
    /// (and a window scale), and as many bytes after the fixed TCP header as given (options and payload together).</summary>
    private static byte[] Frame(int total, int dataOffset, int capturedPayload)
    {
        var f = new byte[14 + 20 + 20 + capturedPayload];
        f[12] = 0x08;
        f[14] = 0x45;
        f[14 + 2] = (byte)(total >> 8);
        f[14 + 3] = (byte)total;
        f[14 + 9] = 6;
        f[14 + 12] = 192;
        f[14 + 15] = 1;
        f[14 + 16] = 192;
        f[14 + 19] = 2;
        var tcp = 34;
        f[tcp] = 0x1F;
        f[tcp + 1] = 0x90;
        f[tcp + 3] = 80;
        f[tcp + 7] = 1;
        f[tcp + 12] = (byte)(dataOffset << 4);
        f[tcp + 13] = 0x12;
        f[tcp + 15] = 0xFF;
        for (var i = tcp + 20; i < f.Length; i++)
        {
            f[i] = 1;
        }

        if (f.Length >= tcp + 24)
        {
            f[tcp + 20] = 3;
            f[tcp + 21] = 3;
            f[tcp + 22] = 7;
        }

        return f;
    }
}
