using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Analysis.Tests.Fixtures;
using SynAck.Analysis.Tracking;
using SynAck.Capture;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.Tracking;

/// <summary>
/// Connection slots live in fixed blocks and are reused after a connection ends; uids are computed when a record is
/// built unless per-packet outcomes are reported. Whatever the storage path, records and uids come out the same.
/// </summary>
public sealed class SlotStorageTests
{
    private const int Connections = 1000;

    /// <summary>
    /// 1000 connections, each a SYN, SYN+ACK and reset, opened 20 ms apart: a reset connection leaves the table some
    /// seconds later (Zeek's close delay, then the next sweep), so a few hundred are live at once and the slots of
    /// ended connections are reused by later ones.
    /// </summary>
    private static string Overlapping()
    {
        using var cap = new CraftedCapture { Step = 0 };
        var events = new List<(long At, int Conn, int Step)>();
        for (var i = 0; i < Connections; i++)
        {
            events.Add((i * 20_000_000L, i, 0));
            events.Add((i * 20_000_000L + 100, i, 1));
            events.Add((i * 20_000_000L + 600_000_000, i, 2));
        }

        var start = cap.Now;
        foreach (var (at, i, step) in events.OrderBy(e => e.At).ThenBy(e => e.Conn))
        {
            cap.Now = start + at;
            var client = IpAddr.FromV4(0x0A000000u + (uint)i);
            var port = (ushort)(20000 + i);
            switch (step)
            {
                case 0: cap.Add(client, port, Hosts.Server, 80, TcpFlags.Syn, 1000, 0); break;
                case 1: cap.Add(Hosts.Server, 80, client, port, TcpFlags.Syn | TcpFlags.Ack, 5000, 1001); break;
                default: cap.Add(client, port, Hosts.Server, 80, TcpFlags.Rst, 1001, 0); break;
            }
        }

        return cap.Save();
    }

    [Fact]
    public void SlotBlocks_SlotsAcrossBlocks_KeepTheirOwnContents()
    {
        using var slots = new SlotBlocks<ConnectionState>();
        slots.Grow();
        var perBlock = slots.Capacity;
        slots.Grow();
        slots.Grow();
        Assert.Equal(3 * perBlock, slots.Capacity);

        // The last slot of a block and the first of the next are neighbours in number, not in memory.
        int[] probes = [0, perBlock - 1, perBlock, (2 * perBlock) - 1, 2 * perBlock, (3 * perBlock) - 1];
        foreach (var p in probes)
        {
            slots[p] = default;
            slots[p].FirstFrame = p + 1;
            slots[p].LastPacketNs = -p;
        }

        foreach (var p in probes)
        {
            Assert.Equal(p + 1, slots[p].FirstFrame);
            Assert.Equal(-p, slots[p].LastPacketNs);
        }
    }

    [Fact]
    public void ManyOverlappingConnections_WithAndWithoutOutcomes_SameRecordsAndUids()
    {
        var path = Overlapping();
        try
        {
            var with = CaptureRun.Of(path, new TrackerOptions { UidSeed = 42 });
            var without = CaptureRun.Of(path, new TrackerOptions { UidSeed = 42, ReportOutcomes = false });

            Assert.Equal(Connections, with.Records.Count);
            Assert.Equal(with.Records, without.Records, RecordEquality.Instance);
            Assert.Equal(Connections, with.Records.Select(r => r.Uid).Distinct().Count());
            Assert.All(with.Records, r => Assert.Equal(ConnUid.Create(42, r.FirstFrame), r.Uid));
            Assert.All(with.Records, r => Assert.Equal(CloseKind.ResetByOriginator, r.CloseKind));
            Assert.InRange(with.Counters.PeakLive, 257, Connections / 2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LastOutcome_NamesTheConnectionOfTheRecord()
    {
        var path = Overlapping();
        try
        {
            var records = new List<ConnRecord>();
            var outcomes = new Dictionary<long, string>();
            var tracker = new ConnectionTracker(new TrackerOptions { UidSeed = 9 }, new Sink(records));
            using (var reader = CaptureReader.Open(path))
            {
                var consumer = new OutcomeConsumer(tracker, outcomes);
                CaptureFeeder.Feed(reader, new FeedOptions(), ref consumer);
            }

            tracker.Flush();
            Assert.Equal(Connections * 3, outcomes.Count);
            foreach (var r in records)
            {
                Assert.Equal(r.Uid, outcomes[r.FirstFrame]);
                Assert.Equal(r.Uid, outcomes[r.LastFrame]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class Sink(List<ConnRecord> records) : IConnectionSink
    {
        public void OnConnection(ConnRecord record) => records.Add(record);
    }

    private readonly struct OutcomeConsumer(ConnectionTracker tracker, Dictionary<long, string> outcomes) : IPacketConsumer
    {
        public void OnSegment(in CapturedPacket packet, in DecodedPacket decoded, in Input.TcpSegment segment)
        {
            tracker.Process(segment);
            outcomes[segment.FrameNumber] = tracker.LastOutcome.Uid;
        }

        public void OnOther(in CapturedPacket packet, in DecodedPacket decoded)
        {
        }
    }

    private sealed class RecordEquality : IEqualityComparer<ConnRecord>
    {
        public static readonly RecordEquality Instance = new();

        // Records hold lists (tunnel parents, transitions, findings): compare what identifies and describes them.
        public bool Equals(ConnRecord? x, ConnRecord? y) =>
            x is not null && y is not null && x.Uid == y.Uid && x.FirstFrame == y.FirstFrame && x.LastFrame == y.LastFrame &&
            x.History == y.History && x.ConnState == y.ConnState && x.OrigState == y.OrigState && x.RespState == y.RespState &&
            x.CloseKind == y.CloseKind && x.OrigPackets == y.OrigPackets && x.RespPackets == y.RespPackets;

        public int GetHashCode(ConnRecord obj) => obj.Uid.GetHashCode(StringComparison.Ordinal);
    }
}
