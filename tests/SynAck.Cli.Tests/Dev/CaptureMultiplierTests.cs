using SynAck.Analysis.Output;
using SynAck.Analysis.Pipeline;
using SynAck.Capture;
using SynAck.Cli.Commands.Dev;
using SynAck.Wire;

namespace SynAck.Cli.Tests.Dev;

public class CaptureMultiplierTests
{
    private static string Labeled => Path.Combine(RepoPaths.Shared, "captures", "labeled.pcap");

    [SkippableFact]
    public void Multiply_ThreeTimes_RepeatsPacketsWithShiftedTimeAndAddresses()
    {
        Skip.IfNot(File.Exists(Labeled), "../shared/captures/labeled.pcap is not present");
        var original = Read(File.ReadAllBytes(Labeled));
        using var output = new MemoryStream();
        var written = CaptureMultiplier.Multiply(Labeled, output, 3);
        var copies = Read(output.ToArray());
        Assert.Equal(3L * original.Count, written);
        Assert.Equal(3 * original.Count, copies.Count);
        var shift = original[^1].Ts - original[0].Ts + CaptureMultiplier.GapNs;
        for (var i = 0; i < original.Count; i++)
        {
            var o = original[i];
            var c = copies[(2 * original.Count) + i];
            Assert.Equal(o.Ts + (2 * shift), c.Ts);
            Assert.Equal(o.Length, c.Length);
            if (o.Source is { IsV6: false } src)
            {
                Assert.Equal(src.V4 + 0x20000u, c.Source!.Value.V4);
            }

            // A checksum that verified before still verifies (RFC 1624 incremental update), and a bad one stays bad.
            Assert.Equal(o.TcpChecksumOk, c.TcpChecksumOk);
            Assert.Equal(o.IpChecksumOk, c.IpChecksumOk);
        }
    }

    [SkippableFact]
    public void Pipeline_MultipliedCapture_SameBytesForOneAndManyThreadsAndCopiesDoNotCollide()
    {
        Skip.IfNot(File.Exists(Labeled), "../shared/captures/labeled.pcap is not present");
        var path = Path.Combine(Path.GetTempPath(), "synack-test-" + Guid.NewGuid().ToString("N") + ".pcap");
        try
        {
            using (var file = File.Create(path))
            {
                CaptureMultiplier.Multiply(Labeled, file, 3);
            }

            var (once, onceResult) = Zeek(Labeled, 1);
            var (single, singleResult) = Zeek(path, 1);
            Assert.Equal(3 * onceResult.Connections, singleResult.Connections);
            Assert.True(once.Length > 0);
            foreach (var threads in new[] { 2, 4 })
            {
                var (many, _) = Zeek(path, threads);
                Assert.Equal(single, many);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DevMultiply_TimesZero_IsUsageError()
    {
        var run = CliRun.Of("dev", "multiply", "in.pcap", "out.pcap", "--times", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("synack: --times must be between 1 and 65535", run.StderrLines[0]);
    }

    private static (byte[] Bytes, PipelineResult Result) Zeek(string path, int threads)
    {
        using var reader = CaptureReader.Open(path);
        using var output = new MemoryStream();
        var pipeline = new ConnPipeline(new PipelineOptions { Threads = threads, ChunkSegments = 64 }, TimeProvider.System)
        {
            Output = output,
            Encoder = b => new ZeekConnLogWriter(b, TimeProvider.System).Write,
        };
        var result = pipeline.Run(reader);
        return (output.ToArray(), result);
    }

    private static List<Packet> Read(byte[] capture)
    {
        using var reader = CaptureReader.Open(new MemoryStream(capture), "capture");
        var packets = new List<Packet>();
        while (reader.TryReadNext(out var p))
        {
            PacketDecoder.Decode(p.LinkType, p.Data, out var d);
            bool? tcpOk = PacketChecksums.TryVerifyTcp(d, out var t) ? t : null;
            bool? ipOk = PacketChecksums.TryVerifyIpv4Header(d, out var i) ? i : null;
            packets.Add(new Packet(p.TimestampNanos, p.Data.Length, d.IpVersion == 0 ? null : d.Source, tcpOk, ipOk));
        }

        return packets;
    }

    private sealed record Packet(long Ts, int Length, IpAddr? Source, bool? TcpChecksumOk, bool? IpChecksumOk);
}
