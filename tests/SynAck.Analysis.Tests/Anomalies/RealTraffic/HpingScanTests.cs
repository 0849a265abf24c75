using SynAck.Analysis.Findings;
using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Wire;
using Xunit.Abstractions;

namespace SynAck.Analysis.Tests.Anomalies.RealTraffic;

/// <summary>
/// Real kernel traffic: hping3 SYN, FIN, NULL, Xmas and ACK scans of 100 ports each (each from its own loopback
/// source address) plus ordinary TCP exchanges, captured with tcpdump in a test-owned network namespace.
/// </summary>
public sealed class HpingScanTests(ITestOutputHelper output)
{
    private const string NormalTraffic = """
        import socket, threading
        srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", 8080)); srv.listen(16)
        def serve():
            for _ in range(5):
                c, _a = srv.accept(); c.recv(4096); c.sendall(b"y" * 20000); c.close()
        t = threading.Thread(target=serve); t.start()
        for _ in range(5):
            s = socket.create_connection(("127.0.0.1", 8080)); s.sendall(b"x" * 100)
            while s.recv(65536): pass
            s.close()
        t.join()
        """;

    [SkippableFact]
    public void HpingScans_FiveKindsOver100Ports_EachReportedOnceWithSourceAndPortCount()
    {
        var why = NamespaceCapture.Unavailable("hping3", "python3");
        Skip.If(why is not null, why);
        (string Flags, string Source, int FirstPort, string Id)[] scans =
        [
            ("-S", "127.0.0.11", 1000, FindingIds.SynScan),
            ("-F", "127.0.0.12", 2000, FindingIds.FinScan),
            ("", "127.0.0.13", 3000, FindingIds.NullScan),
            ("-FPU", "127.0.0.14", 4000, FindingIds.XmasScan),
            ("-A", "127.0.0.15", 5000, FindingIds.AckScan),
        ];

        List<Finding> findings;
        using (var ns = new NamespaceCapture())
        {
            foreach (var (flags, source, firstPort, _) in scans)
            {
                var args = new List<string> { "-q", "-c", "100", "-i", "u1000", "-a", source, "-p", "++" + firstPort };
                if (flags.Length > 0)
                {
                    args.Insert(0, flags);
                }

                args.Add("127.0.0.1");
                ns.Run("hping3", [.. args]);
            }

            var normal = ns.Run("python3", "-c", NormalTraffic);
            Assert.True(normal.Exit == 0, normal.Err);

            // 500 probes and their 500 RSTs, then at least 10 packets per ordinary exchange.
            Assert.True(ns.WaitForPackets(1050, TimeSpan.FromSeconds(10)), "tcpdump did not capture the traffic");
            ns.Stop();
            findings = AnomalyRun.File(ns.PcapPath).Findings;
        }

        var scanFindings = findings.Where(f => f.Id.StartsWith("SA-SCAN-", StringComparison.Ordinal)).ToList();
        foreach (var f in scanFindings)
        {
            output.WriteLine($"{f.Id} {f.Title}: source {f.Source}, {f.DistinctPorts} ports, {f.DistinctHosts} hosts, {f.Count} probes, frames {f.FirstFrame}-{f.LastFrame}");
        }

        Assert.Equal(scans.Length, scanFindings.Count);
        foreach (var (_, source, _, id) in scans)
        {
            var f = Assert.Single(scanFindings, x => x.Id == id);
            Assert.Equal(IpAddr.TryParse(source, out var a) ? a : default, f.Source);
            Assert.Equal(100, f.DistinctPorts);
            Assert.Equal(100, f.Count);
        }

        // The ordinary exchanges (from 127.0.0.1) raise no scan finding and no SYN flood; the 500 RSTs the kernel
        // sent back to the probes within two seconds are, rightly, a RST storm from the scanned host.
        Assert.DoesNotContain(findings, f => f.Id.StartsWith("SA-SCAN-", StringComparison.Ordinal) && f.Source == IpAddr.FromV4(0x7F000001));
        Assert.DoesNotContain(findings, f => f.Id == FindingIds.SynFlood);
        var storm = Assert.Single(findings, f => f.Id == FindingIds.RstStorm);
        Assert.Equal((IpAddr.FromV4(0x7F000001), 500L), (storm.Source!.Value, storm.Count));
    }
}
