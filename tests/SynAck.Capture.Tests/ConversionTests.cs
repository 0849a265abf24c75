using System.IO.Compression;
using SynAck.Capture.Tests.Support;

namespace SynAck.Capture.Tests;

/// <summary>The real capture converted between formats by editcap (and by the project's writers for byte orders
/// editcap cannot write) must read back as the same packets; counts and timestamps must match the Wireshark tools.</summary>
public class ConversionTests
{
    [SkippableTheory]
    [InlineData("pcapng", CaptureFileType.PcapNg, 6)]
    [InlineData("nsecpcap", CaptureFileType.Pcap, 9)]
    [InlineData("pcap", CaptureFileType.Pcap, 6)]
    public void Labeled_ConvertedByEditcap_ReadsAsTheSamePackets(string editcapFormat, CaptureFileType type, int digits)
    {
        Skip.IfNot(SharedFiles.HasLabeled, "../shared/captures/labeled.pcap is absent");
        Skip.IfNot(Tools.Has("editcap"), "editcap (wireshark-common) is not installed");
        using var dir = new TempDir();
        var converted = dir.File("labeled." + editcapFormat);
        Tools.Run("editcap", "-F", editcapFormat, SharedFiles.LabeledPcap, converted);

        var (original, w1, _) = Read.File(SharedFiles.LabeledPcap);
        var (again, w2, format) = Read.File(converted);

        Assert.Empty(w1);
        Assert.Empty(w2);
        Assert.Equal(type, format.FileType);
        Assert.All(again, p => Assert.Equal(digits, p.TimestampDigits));
        AssertSamePackets(original, again);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Labeled_RewrittenBigEndianAndGzipped_ReadsAsTheSamePackets(bool pcapNg)
    {
        Skip.IfNot(SharedFiles.HasLabeled, "../shared/captures/labeled.pcap is absent");
        var (original, _, _) = Read.File(SharedFiles.LabeledPcap);
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            if (pcapNg)
            {
                using var w = new PcapNgWriter(gz, bigEndian: true, leaveOpen: true);
                w.AddInterface(original[0].LinkType, 0, tsResolution: 9);
                foreach (var p in original)
                {
                    w.WriteEnhancedPacket(0, p.TimestampNanos, p.Data, p.OriginalLength);
                }
            }
            else
            {
                using var w = new PcapWriter(gz, original[0].LinkType, 262144, false, bigEndian: true, leaveOpen: true);
                foreach (var p in original)
                {
                    w.Write(p.TimestampNanos, p.Data, p.OriginalLength);
                }
            }
        }

        var (again, warnings, format) = Read.Bytes(ms.ToArray(), 65536);

        Assert.Empty(warnings);
        Assert.True(format.IsGzip);
        Assert.True(format.IsBigEndian);
        AssertSamePackets(original, again);
    }

    [SkippableFact]
    public void Labeled_EveryTimestampAndLength_MatchTshark()
    {
        Skip.IfNot(SharedFiles.HasLabeled, "../shared/captures/labeled.pcap is absent");
        Skip.IfNot(Tools.Has("tshark"), "tshark is not installed");

        AssertMatchesTshark(SharedFiles.LabeledPcap);
    }

    [SkippableFact]
    public void ZeekPcapNgTraces_EveryTimestampAndLength_MatchTshark()
    {
        var traces = SharedFiles.ZeekTraces().Where(t => t.EndsWith(".pcapng", StringComparison.Ordinal)).ToArray();
        Skip.If(traces.Length == 0, "../shared/corpus/zeek is absent");
        Skip.IfNot(Tools.Has("tshark"), "tshark is not installed");

        foreach (var trace in traces)
        {
            AssertMatchesTshark(trace);
        }
    }

    [SkippableFact]
    public void ZeekTraces_CountAndTimeSpan_MatchCapinfos()
    {
        var traces = SharedFiles.ZeekTraces();
        Skip.If(traces.Length == 0, "../shared/corpus/zeek is absent");
        Skip.IfNot(Tools.Has("capinfos"), "capinfos (wireshark-common) is not installed");

        foreach (var trace in traces)
        {
            var (packets, warnings, _) = Read.File(trace);
            var info = Tools.Run("capinfos", "-M", "-c", "-a", "-e", "-S", trace);

            Assert.True(warnings.Count == 0, $"{trace}: {string.Join("; ", warnings)}");
            Assert.Equal(long.Parse(Field(info, "Number of packets:"), System.Globalization.CultureInfo.InvariantCulture), packets.Count);
            if (packets.Count > 0)
            {
                Assert.Equal(Decimal9.ParseNanos(Field(info, "First packet time:")), packets.Min(p => p.TimestampNanos));
                Assert.Equal(Decimal9.ParseNanos(Field(info, "Last packet time:")), packets.Max(p => p.TimestampNanos));
            }
        }
    }

    private static void AssertMatchesTshark(string path)
    {
        var (packets, warnings, _) = Read.File(path);
        var lines = Tools.Run("tshark", "-r", path, "-T", "fields", "-e", "frame.time_epoch", "-e", "frame.cap_len", "-e", "frame.len")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Empty(warnings);
        Assert.Equal(lines.Length, packets.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split('\t');
            var p = packets[i];
            Assert.True(
                Decimal9.ParseNanos(f[0]) == p.TimestampNanos && int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture) == p.Data.Length
                && int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture) == p.OriginalLength,
                $"{path} frame {i + 1}: tshark says {lines[i]}, reader says {p.TimestampNanos} {p.Data.Length} {p.OriginalLength}");
        }
    }

    private static string Field(string capinfos, string label)
    {
        foreach (var line in capinfos.Split('\n'))
        {
            if (line.StartsWith(label, StringComparison.Ordinal))
            {
                return line[label.Length..].Trim();
            }
        }

        throw new InvalidOperationException($"capinfos printed no '{label}'");
    }

    private static void AssertSamePackets(List<PacketRecord> expected, List<PacketRecord> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            Assert.True(
                e.TimestampNanos == a.TimestampNanos && e.OriginalLength == a.OriginalLength && e.LinkType == a.LinkType
                && e.Data.AsSpan().SequenceEqual(a.Data),
                $"frame {i + 1} differs: {e.TimestampNanos}/{e.OriginalLength}/{e.Data.Length} vs {a.TimestampNanos}/{a.OriginalLength}/{a.Data.Length}");
        }
    }
}
