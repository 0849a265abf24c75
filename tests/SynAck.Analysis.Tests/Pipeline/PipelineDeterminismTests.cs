using SynAck.Analysis.Records;

namespace SynAck.Analysis.Tests.Pipeline;

public class PipelineDeterminismTests
{
    public static TheoryData<string> Captures => new()
    {
        "captures/labeled.pcap",
        "corpus/zeek/ssh-basic/trace.pcap",
        "corpus/zeek/irc-pcapng/trace.pcapng",
        "corpus/zeek/tcp-dups-history/trace.pcap",

        // Frames the per-thread readers cannot pass over by their bytes (IPv6, a tunnel, VLAN tags and MPLS labels): decoded by every thread.
        "corpus/zeek/ftp-ipv6/trace.pcap",
        "corpus/zeek/tunnel-gre/trace.pcap",
        "corpus/zeek/vlan-mpls/trace.pcap",
        "corpus/zeek/wikipedia/trace.pcap",
    };

    [SkippableTheory]
    [MemberData(nameof(Captures))]
    public void Pipeline_OneVersusManyThreads_WritesIdenticalBytes(string capture)
    {
        var path = PipelineFiles.Shared(capture);
        Skip.If(path is null, $"../shared/{capture} is not present");
        var (single, singleResult) = PipelineRunner.Json(path!, threads: 1);
        Assert.NotEmpty(single);
        Assert.Equal(1, singleResult.Readers);

        // One thread through the reading-thread pipeline (stdin's) instead of the per-thread readers' (a file's).
        Assert.Equal(single, PipelineRunner.Json(path!, threads: 1, readPerThread: false).Bytes);
        foreach (var threads in new[] { 2, 3, 4 })
        {
            foreach (var readPerThread in new[] { true, false })
            {
                var (many, manyResult) = PipelineRunner.Json(path!, threads, readPerThread: readPerThread);
                Assert.Equal(single, many);
                Assert.Equal(readPerThread ? threads : 1, manyResult.Readers);
                Assert.Equal(singleResult.Connections, manyResult.Connections);
                Assert.Equal(singleResult.TcpSegments, manyResult.TcpSegments);
                Assert.Equal(singleResult.Packets, manyResult.Packets);
            }
        }
    }

    /// <summary>The records-free Zeek path (rows written from the tracker's state) and the record path agree byte for byte.</summary>
    [SkippableTheory]
    [InlineData("captures/labeled.pcap")]
    [InlineData("corpus/zeek/tcp-dups-history/trace.pcap")]
    [InlineData("corpus/zeek/tunnel-gre/trace.pcap")]
    [InlineData("corpus/zeek/tunnel-teredo/trace.pcap")]
    public void Pipeline_ZeekRowsFromState_SameBytesAsRowsFromRecords(string capture)
    {
        var path = PipelineFiles.Shared(capture);
        Skip.If(path is null, $"../shared/{capture} is not present");
        var fromRecords = PipelineRunner.ZeekRows(path!, threads: 1, viaRecords: true);
        Assert.NotEmpty(fromRecords);
        Assert.Equal(fromRecords, PipelineRunner.ZeekRows(path!, threads: 1, viaRecords: false));
        Assert.Equal(fromRecords, PipelineRunner.ZeekRows(path!, threads: 2, viaRecords: false));
    }

    [SkippableFact]
    public void Pipeline_TinyChunks_WritesSameBytesAsLargeChunks()
    {
        var path = PipelineFiles.Shared("captures/labeled.pcap");
        Skip.If(path is null, "../shared/captures/labeled.pcap is not present");
        var (reference, _) = PipelineRunner.Json(path!, threads: 1);
        Assert.Equal(reference, PipelineRunner.Json(path!, threads: 1, chunk: 7).Bytes);
        Assert.Equal(reference, PipelineRunner.Json(path!, threads: 3, chunk: 5).Bytes);
        Assert.Equal(reference, PipelineRunner.Json(path!, threads: 3, chunk: 5, readPerThread: false).Bytes);
        Assert.Equal(reference, PipelineRunner.Json(path!, threads: 2, chunk: 1).Bytes);
    }

    [SkippableFact]
    public void Pipeline_SameRecordsAsPlainTracker_InCanonicalOrder()
    {
        var path = PipelineFiles.Shared("captures/labeled.pcap");
        Skip.If(path is null, "../shared/captures/labeled.pcap is not present");
        var plain = PipelineRunner.PlainTracker(path!);
        var piped = PipelineRunner.Records(path!, threads: 2);
        Assert.Equal(plain.Count, piped.Count);
        Assert.Equal(Canonical(plain), Canonical(piped));
    }

    private static List<string> Canonical(List<ConnRecord> records)
    {
        var lines = new List<string>(records.Count);
        foreach (var r in records)
        {
            lines.Add(string.Join('|', r.Uid, r.FirstFrame, r.LastFrame, r.History, r.ConnState, r.OrigPackets, r.RespPackets,
                r.OrigIpBytes, r.RespIpBytes, r.OrigState, r.RespState, r.CloseKind, r.RemovalReason, r.DurationNanos));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
