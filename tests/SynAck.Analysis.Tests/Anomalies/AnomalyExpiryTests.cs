using SynAck.Analysis.Anomalies;
using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Wire.Tcp;
using static SynAck.Analysis.Tests.Anomalies.Support.Hosts;

namespace SynAck.Analysis.Tests.Anomalies;

/// <summary>
/// The anomaly checks' tables hold the recently live connections, not every 4-tuple of a capture: a closed one is
/// forgotten twice the MSL after its last packet, any one after the idle timeout, a probe 4-tuple after the flow
/// timeout (capture time, swept once a second).
/// </summary>
public sealed class AnomalyExpiryTests
{
    private const long Second = 1_000_000_000;
    private const TcpFlags A = TcpFlags.Ack;

    private static void Handshake(CraftedCapture cap, ushort port)
    {
        cap.Add(Client, port, Server, ServerPort, TcpFlags.Syn, 1000, 0);
        cap.Add(Server, ServerPort, Client, port, TcpFlags.Syn | A, 5000, 1001);
        cap.Add(Client, port, Server, ServerPort, A, 1001, 5001);
    }

    private static (List<Analysis.Findings.Finding> Findings, AnomalyDetector Detector) Run(CraftedCapture cap, AnomalyOptions? options = null) =>
        AnomalyRun.CraftedWithDetector(cap, options);

    [Fact]
    public void Connections_ClosedForgottenAfterTwiceMsl_OpenAfterTheIdleTimeout()
    {
        using var cap = new CraftedCapture();
        Handshake(cap, 41000);
        cap.Add(Client, 41000, Server, ServerPort, TcpFlags.Fin | A, 1001, 5001);
        Handshake(cap, 42000);

        // 61 s later: the closing connection is past 60 s, the open one is not past 300 s.
        cap.Now += 61 * Second;
        cap.Add(Client, 43000, Server, ServerPort, TcpFlags.Syn, 1000, 0);

        // 240 s more: the open connection is 301 s idle, the last SYN 240 s.
        cap.Now += 240 * Second;
        cap.Add(Client, 44000, Server, ServerPort, TcpFlags.Syn, 1000, 0);
        var (_, detector) = Run(cap);

        // The sweep at 61 s forgets the closed one before the new SYN's connection is added: never three at once.
        Assert.Equal(2, detector.Connections.Peak);
        Assert.Equal(2, detector.Connections.Expired);
        Assert.Equal(2, detector.Connections.Live);
        Assert.Equal(0, detector.Connections.Evicted);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(61, false)]
    public void RstAfterFin_IsCheckedWithinTimeWaitOnly(int secondsLater, bool found)
    {
        using var cap = new CraftedCapture();
        Handshake(cap, 41000);
        cap.Add(Client, 41000, Server, ServerPort, TcpFlags.Fin | A, 1001, 5001);
        cap.Now += secondsLater * Second;
        cap.Add(Client, 41000, Server, ServerPort, TcpFlags.Rst | A, 1002, 5001);

        var (findings, detector) = Run(cap);

        Assert.Equal(found, findings.Any(f => f.Id == "SA-RST-001"));
        Assert.Equal(found ? 0 : 1, detector.Connections.Expired);
    }

    [Fact]
    public void ClosedTimeout_IsAnOption()
    {
        using var cap = new CraftedCapture();
        Handshake(cap, 41000);
        cap.Add(Client, 41000, Server, ServerPort, TcpFlags.Fin | A, 1001, 5001);
        cap.Now += 30 * Second;
        cap.Add(Client, 41000, Server, ServerPort, TcpFlags.Rst | A, 1002, 5001);

        var (findings, detector) = Run(cap, new AnomalyOptions { ClosedTimeoutNs = 10 * Second });

        Assert.DoesNotContain(findings, f => f.Id == "SA-RST-001");
        Assert.Equal(1, detector.Connections.Expired);
    }

    [Fact]
    public void SlowScan_ProbesConcludedAsTheyExpire_SameFindingAsAtTheEnd()
    {
        // One SYN probe a second to ports 1..100 (probe n at n - 1 s, its RST half a second later): the sweep at
        // 99 s, the last, concludes the probes answered by 39 s (n <= 39), the rest are concluded at the end; at most
        // 61 are followed at once (probes 1..61 at 60 s); the finding is the one a fast scan gives.
        using var cap = new CraftedCapture { Step = Second / 2 };
        for (ushort port = 1; port <= 100; port++)
        {
            cap.Add(Scanner, 50000, Server, port, TcpFlags.Syn, 7, 0);
            cap.Add(Server, port, Scanner, 50000, TcpFlags.Rst | A, 0, 8);
        }

        var (findings, detector) = Run(cap);

        var f = Assert.Single(findings, f => f.Id.StartsWith("SA-SCAN", StringComparison.Ordinal));
        Assert.Equal(("SA-SCAN-001", 100, 1, 100L), (f.Id, f.DistinctPorts, f.DistinctHosts, f.Count));
        Assert.Equal((1L, 199L), (f.FirstFrame, f.LastFrame));
        Assert.Equal([1L, 3, 5, 7, 9], f.ExampleFrames);
        Assert.Equal(39, detector.Scans.ExpiredFlows);
        Assert.Equal(61, detector.Scans.PeakFlows);
    }
}
