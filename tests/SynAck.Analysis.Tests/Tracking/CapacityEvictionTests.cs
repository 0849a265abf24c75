using SynAck.Analysis.Input;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.Tracking;

/// <summary>
/// With the table full, each new connection evicts the live connection whose last packet is oldest. The tracker
/// finds it through a lazy heap instead of a scan; a model of the live connections' last packet times says which one
/// each eviction must take, including when the capture's timestamps go backwards.
/// </summary>
public sealed class CapacityEvictionTests
{
    private const int Capacity = 8;
    private static readonly IpAddr Client = IpAddr.FromV4(0x0A000001);
    private static readonly IpAddr Server = IpAddr.FromV4(0x0A000002);

    [Fact]
    public void FullTable_EveryEviction_TakesTheConnectionIdleLongest()
    {
        var evictions = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            evictions += Run(seed);
        }

        // Enough evictions that the heap was built, refreshed, and rebuilt many times over.
        Assert.InRange(evictions, 40 * 100, 40 * 400);
    }

    /// <summary>One random run of 600 SYNs (new connections and retransmissions); returns the evictions checked.</summary>
    private static int Run(int seed)
    {
        var random = new Random(seed);
        var sink = new Sink();
        var tracker = new ConnectionTracker(new TrackerOptions { MaxConnections = Capacity }, sink);
        var live = new Dictionary<ushort, long>();
        var used = new HashSet<long>();
        ushort nextPort = 1024;
        var now = 1_700_000_000_000_000_000L;
        var checkedEvictions = 0;
        for (var frame = 1; frame <= 600; frame++)
        {
            // Distinct times (so "oldest" has one answer), mostly rising, sometimes earlier than the last packet's.
            do
            {
                now += random.Next(10) == 0 ? -random.Next(1, 400_000) : random.Next(1, 1_000_000);
            }
            while (!used.Add(now));

            var fresh = live.Count == 0 || random.Next(10) < 4;
            var port = fresh ? nextPort++ : live.Keys.ElementAt(random.Next(live.Count));
            ushort? victim = null;
            if (fresh && live.Count == Capacity)
            {
                victim = live.MinBy(kv => kv.Value).Key;
            }

            sink.Records.Clear();
            tracker.Process(new TcpSegment
            {
                FrameNumber = frame,
                TimestampNanos = now,
                Source = Client,
                SourcePort = port,
                Destination = Server,
                DestinationPort = 80,
                Flags = TcpFlags.Syn,
                Seq = new SeqNumber(1000u + port),
                Window = 65535,
                IpLength = 60,
                Options = TcpOptionSummary.None,
            });

            if (victim is { } v)
            {
                var record = Assert.Single(sink.Records);
                Assert.Equal(RemovalReason.Capacity, record.RemovalReason);
                Assert.Equal(v, record.OrigPort);
                live.Remove(v);
                checkedEvictions++;
            }
            else
            {
                Assert.Empty(sink.Records);
            }

            live[port] = now;
        }

        Assert.Equal(Capacity, tracker.LiveConnections);
        return checkedEvictions;
    }

    private sealed class Sink : IConnectionSink
    {
        public List<ConnRecord> Records { get; } = [];

        public void OnConnection(ConnRecord record) => Records.Add(record);
    }
}
