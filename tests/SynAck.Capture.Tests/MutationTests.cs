using System.IO.Compression;
using SynAck.Capture.Tests.Support;
using Xunit.Abstractions;

namespace SynAck.Capture.Tests;

/// <summary>
/// Seeded robustness test: real captures with random byte flips and truncations must never make the reader throw,
/// except <see cref="CaptureFormatException"/> from Open when the file header itself is destroyed.
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    private const int Seed = 20261126;

    /// <summary>Each mutant is cut from the first bytes of its capture so that per-mutant work stays small.</summary>
    private const int MaxMutantLength = 24 * 1024;

    [SkippableFact]
    public void Mutants_OfRealCaptures_NeverThrowOutOfTheReader()
    {
        Skip.IfNot(SharedFiles.HasLabeled, "../shared/captures/labeled.pcap is absent");
        var traces = SharedFiles.ZeekTraces();
        Skip.If(traces.Length == 0, "../shared/corpus/zeek is absent");
        Skip.IfNot(Tools.Has("editcap"), "editcap (wireshark-common) is not installed");
        using var dir = new TempDir();
        var pcapng = dir.File("labeled.pcapng");
        Tools.Run("editcap", "-F", "pcapng", SharedFiles.LabeledPcap, pcapng);

        var random = new Random(Seed);
        var tally = new Tally();
        Mutate(Load(SharedFiles.LabeledPcap), 3000, random, tally, gzip: false);
        Mutate(Load(pcapng), 3000, random, tally, gzip: false);
        for (var i = 0; i < traces.Length; i++)
        {
            // Windows that start after a later interface block lose it: the reader must then warn, not throw.
            var capture = Load(traces[i]);
            Mutate(capture, 70, random, tally, gzip: false);
            if (i % 6 == 0)
            {
                Mutate(capture, 60, random, tally, gzip: true);
            }
        }

        output.WriteLine(
            $"{tally.Mutants} mutants: {tally.Rejected} rejected at open, {tally.Opened} read, {tally.Warned} with a warning, {tally.Packets} packets");

        Assert.True(tally.Mutants >= 10_000, $"{tally.Mutants} mutants");
        Assert.Equal(tally.Mutants, tally.Opened + tally.Rejected);
        Assert.InRange(tally.Rejected, 1, tally.Mutants / 4);
        Assert.InRange(tally.Warned, tally.Opened / 4, tally.Opened);
        Assert.True(tally.Packets > tally.Opened, $"{tally.Packets} packets from {tally.Opened} readers");
    }

    private static Capture Load(string path)
    {
        var all = File.ReadAllBytes(path);
        var (packets, _, _) = Read.Bytes(all);
        var offsets = packets.Select(p => (int)p.FileOffset).Append(all.Length).ToArray();
        return new Capture(all, offsets);
    }

    private static void Mutate(Capture capture, int count, Random random, Tally tally, bool gzip)
    {
        var all = capture.Bytes;
        var records = capture.RecordOffsets;
        var prefix = all.AsSpan(0, records[0]);
        for (var m = 0; m < count; m++)
        {
            // The file's header blocks, then up to MaxMutantLength bytes from a random record onwards: per-mutant
            // work stays small, yet mutations reach records from anywhere in the capture.
            var from = records[random.Next(records.Length)];
            var length = Math.Min(all.Length - from, MaxMutantLength);
            var bytes = new byte[prefix.Length + length];
            prefix.CopyTo(bytes);
            all.AsSpan(from, length).CopyTo(bytes.AsSpan(prefix.Length));
            if (gzip)
            {
                bytes = Gzip(bytes);
            }

            var flips = random.Next(0, 9);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            }

            if (random.Next(3) == 0)
            {
                bytes = bytes[..random.Next(bytes.Length + 1)];
            }

            Run(bytes, random.Next(4) == 0 ? 1 + random.Next(64) : int.MaxValue, tally);
        }
    }

    private static void Run(byte[] bytes, int chunk, Tally tally)
    {
        tally.Mutants++;
        CaptureReader reader;
        try
        {
            reader = CaptureReader.Open(new ChunkedStream(bytes, chunk), "mutant");
        }
        catch (CaptureFormatException)
        {
            tally.Rejected++;
            return;
        }

        using (reader)
        {
            tally.Opened++;
            var last = -1L;
            while (reader.TryReadNext(out var p))
            {
                Assert.True(p.FileOffset > last, "offsets must increase");
                Assert.True(p.Data.Length <= 16 * 1024 * 1024);
                last = p.FileOffset;
                tally.Packets++;
            }

            Assert.InRange(reader.Warnings.Count, 0, 1);
            if (reader.Warnings.Count == 1)
            {
                tally.Warned++;
                Assert.InRange(reader.Warnings[0].ByteOffset, 0, long.MaxValue);
            }
        }
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(bytes);
        }

        return ms.ToArray();
    }

    private sealed record Capture(byte[] Bytes, int[] RecordOffsets);

    private sealed class Tally
    {
        public int Mutants { get; set; }

        public int Opened { get; set; }

        public int Rejected { get; set; }

        public int Warned { get; set; }

        public long Packets { get; set; }
    }
}
