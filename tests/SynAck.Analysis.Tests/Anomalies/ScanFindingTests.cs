using SynAck.Analysis.Anomalies;
using SynAck.Analysis.Anomalies.Scans;
using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Wire;
using SynAck.Wire.Tcp;
using Xunit.Abstractions;
using static SynAck.Analysis.Tests.Anomalies.Support.Hosts;

namespace SynAck.Analysis.Tests.Anomalies;

/// <summary>Scans, floods and storms from crafted captures (the kernel cannot spoof 50,000 sources).</summary>
public sealed class ScanFindingTests(ITestOutputHelper output)
{
    /// <summary>Probes ports 1..100 of the server; closed ports answer RST+ACK.</summary>
    private static CraftedCapture Scan(TcpFlags probe)
    {
        var cap = new CraftedCapture();
        for (ushort port = 1; port <= 100; port++)
        {
            cap.Add(Scanner, 50000, Server, port, probe, 7, 0, urgent: 0);
            if (probe == TcpFlags.Ack)
            {
                cap.Add(Server, port, Scanner, 50000, TcpFlags.Rst, 0, 0);
            }
            else
            {
                cap.Add(Server, port, Scanner, 50000, TcpFlags.Rst | TcpFlags.Ack, 0, probe == TcpFlags.Syn ? 8u : 7u);
            }
        }

        return cap;
    }

    [Theory]
    [InlineData(TcpFlags.Syn, "SA-SCAN-001")]
    [InlineData(TcpFlags.Fin, "SA-SCAN-002")]
    [InlineData(TcpFlags.None, "SA-SCAN-003")]
    [InlineData(TcpFlags.Fin | TcpFlags.Psh | TcpFlags.Urg, "SA-SCAN-004")]
    [InlineData(TcpFlags.Ack, "SA-SCAN-005")]
    public void HundredPortProbe_OfOneKind_IsReportedOnceAsThatScan(TcpFlags probe, string id)
    {
        using var cap = Scan(probe);
        var scans = AnomalyRun.Crafted(cap).Where(f => f.Id.StartsWith("SA-SCAN", StringComparison.Ordinal)).ToList();
        var f = Assert.Single(scans);
        Assert.Equal((id, 100, 1, 100L), (f.Id, f.DistinctPorts, f.DistinctHosts, f.Count));
        Assert.Equal(Scanner, f.Source);
        Assert.Equal((1L, 199L), (f.FirstFrame, f.LastFrame));
        Assert.Equal([1L, 3, 5, 7, 9], f.ExampleFrames);
    }

    [Fact]
    public void NineteenPorts_BelowThreshold_IsNoScan()
    {
        using var cap = new CraftedCapture();
        for (ushort port = 1; port <= 19; port++)
        {
            cap.Add(Scanner, 50000, Server, port, TcpFlags.Syn, 7, 0);
        }

        Assert.Empty(AnomalyRun.Crafted(cap));
    }

    [Fact]
    public void CompletedConnections_ToManyPorts_AreNoScan()
    {
        using var cap = new CraftedCapture();
        for (ushort port = 1; port <= 50; port++)
        {
            cap.Add(Client, 40000, Server, port, TcpFlags.Syn, 1000, 0);
            cap.Add(Server, port, Client, 40000, TcpFlags.Syn | TcpFlags.Ack, 5000, 1001);
            cap.Add(Client, 40000, Server, port, TcpFlags.Ack, 1001, 5001);
        }

        Assert.Empty(AnomalyRun.Crafted(cap));
    }

    [Fact]
    public void SpoofedSynFlood_50000Sources_IsDetectedWithBoundedTables()
    {
        using var cap = new CraftedCapture { Step = 20_000 };
        for (var i = 0; i < 50_000; i++)
        {
            var src = IpAddr.FromV4(0x0B000000u + (uint)i);
            cap.Add(src, (ushort)(1024 + (i % 60000)), Server, 443, TcpFlags.Syn, (uint)i * 7919u, 0);
        }

        var path = cap.Save();
        try
        {
            var options = new AnomalyOptions
            {
                MaxConnections = 8192,
                Scans = new ScanOptions { MaxFlows = 8192, MaxHosts = 4096 },
            };
            var before = GC.GetTotalMemory(true);
            var (findings, detector) = AnomalyRun.File(path, options);
            var flood = Assert.Single(findings);
            output.WriteLine($"flows peak {detector.Scans.PeakFlows}, evicted {detector.Scans.EvictedFlows}; hosts peak {detector.Scans.PeakHosts}, dropped {detector.Scans.DroppedHosts}; connection checks peak {detector.Connections.Peak}, evicted {detector.Connections.Evicted}; retained heap {(GC.GetTotalMemory(true) - before) / 1024} KiB");
            Assert.Equal(("SA-FLOOD-001", 50_000L, 443), (flood.Id, flood.Count, (int)flood.DestinationPort!));
            Assert.Equal(Server, flood.Destination);
            Assert.Equal(4096, flood.DistinctSources);
            Assert.Equal("50000 SYNs without a completed handshake, 50000/s", flood.Detail);
            Assert.True(detector.Scans.PeakFlows <= 8192, $"peak {detector.Scans.PeakFlows}");
            Assert.True(detector.Connections.Peak <= 8192, $"peak {detector.Connections.Peak}");
            Assert.True(detector.Scans.PeakHosts <= 4096 + 1, $"peak hosts {detector.Scans.PeakHosts}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ThreeHundredRstsInOneSecond_FromOneHost_IsRstStorm()
    {
        using var cap = new CraftedCapture { Step = 3_000_000 };
        for (ushort i = 0; i < 300; i++)
        {
            cap.Add(Server, 80, Client, (ushort)(20000 + i), TcpFlags.Rst, i, 0);
        }

        var f = Assert.Single(AnomalyRun.Crafted(cap));
        Assert.Equal(("SA-FLOOD-002", 300L, 1L, 300L), (f.Id, f.Count, f.FirstFrame, f.LastFrame));
        Assert.Equal(Server, f.Source);
    }
}
