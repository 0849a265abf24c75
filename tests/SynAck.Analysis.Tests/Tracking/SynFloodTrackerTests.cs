using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Analysis.Tests.Fixtures;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Wire;
using SynAck.Wire.Tcp;
using Xunit.Abstractions;

namespace SynAck.Analysis.Tests.Tracking;

/// <summary>
/// 50,000 spoofed-source SYNs to one service, crafted with the project's pcap writer: the connection tracker's flow
/// table stays bounded, by the attempt timeout (half-open entries leave 5 s after their SYN) or by its capacity
/// limit (the longest-idle entry is evicted), and every SYN still becomes exactly one record.
/// </summary>
public sealed class SynFloodTrackerTests(ITestOutputHelper output)
{
    private const int Syns = 50_000;

    private static string Flood(long stepNanos)
    {
        using var cap = new CraftedCapture { Step = stepNanos };
        for (var i = 0; i < Syns; i++)
        {
            cap.Add(IpAddr.FromV4(0x0B000000u + (uint)i), (ushort)(1024 + (i % 60000)), Hosts.Server, 443, TcpFlags.Syn, (uint)i * 7919u, 0);
        }

        return cap.Save();
    }

    [Fact]
    public void SynFlood_5000PerSecond_AttemptTimeoutBoundsTheTable()
    {
        var path = Flood(200_000);
        try
        {
            var before = GC.GetTotalMemory(true);
            var run = CaptureRun.Of(path);
            var c = run.Counters;
            output.WriteLine($"records {run.Records.Count}, peak live {c.PeakLive}, attempt timeouts {c.AttemptTimeouts}, open at end {c.OpenAtEnd}, capacity evictions {c.EvictedCapacity}; heap growth {(GC.GetTotalMemory(true) - before) / 1024} KiB (records kept by the test)");

            Assert.Equal(Syns, run.Records.Count);
            Assert.All(run.Records, r => Assert.Equal(ConnState.S0, r.ConnState));
            // 5 s of SYNs at 5000/s plus one sweep interval (1 s): entries older than the attempt delay are swept.
            Assert.Equal(30_000, c.PeakLive);
            Assert.Equal(25_000, c.AttemptTimeouts);
            Assert.Equal(25_000, c.OpenAtEnd);
            Assert.Equal(0, c.EvictedCapacity);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SynFlood_CapacityLimit_EvictsLongestIdleHalfOpenEntries()
    {
        var path = Flood(20_000);
        try
        {
            var run = CaptureRun.Of(path, new TrackerOptions { MaxConnections = 8192 });
            var c = run.Counters;
            output.WriteLine($"records {run.Records.Count}, peak live {c.PeakLive}, capacity evictions {c.EvictedCapacity}, attempt timeouts {c.AttemptTimeouts}, open at end {c.OpenAtEnd}");

            Assert.Equal(Syns, run.Records.Count);
            Assert.Equal(8192, c.PeakLive);
            Assert.Equal(Syns - 8192, c.EvictedCapacity);
            Assert.Equal(Syns - 8192, run.Records.Count(r => r.RemovalReason == RemovalReason.Capacity));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
