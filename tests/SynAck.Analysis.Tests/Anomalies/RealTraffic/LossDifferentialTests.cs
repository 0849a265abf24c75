using SynAck.Analysis.Tests.Anomalies.Support;
using Xunit.Abstractions;

namespace SynAck.Analysis.Tests.Anomalies.RealTraffic;

/// <summary>
/// Real kernel transfers under random loss (nftables drops 3 % of TCP packets in the input hook, after the capture
/// point, so every loss shows up as a retransmission on the wire), captured in a test-owned namespace and compared
/// with tshark packet by packet.
/// </summary>
public sealed class LossDifferentialTests(ITestOutputHelper output)
{
    private const string Transfers = """
        import socket, threading
        srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", 9090)); srv.listen(16)
        def serve():
            for _ in range(4):
                c, _a = srv.accept(); c.recv(100); c.sendall(b"z" * 2_000_000); c.close()
        t = threading.Thread(target=serve); t.start()
        for _ in range(4):
            s = socket.create_connection(("127.0.0.1", 9090)); s.sendall(b"get")
            while s.recv(65536): pass
            s.close()
        t.join()
        """;

    [SkippableFact]
    public void RandomLoss_KernelTransfers_AnalysisFlagsAndInitialRttAgreeWithTshark()
    {
        var why = NamespaceCapture.Unavailable("nft", "python3", "tshark");
        Skip.If(why is not null, why);
        using var ns = new NamespaceCapture();
        var nft = ns.Run("nft", "add table inet synack_loss ; add chain inet synack_loss in { type filter hook input priority 0 ; policy accept ; } ; add rule inet synack_loss in meta l4proto tcp numgen random mod 100 < 3 drop");
        Assert.True(nft.Exit == 0, nft.Err);
        var run = ns.Run("timeout", "60", "python3", "-c", Transfers);
        Assert.True(run.Exit == 0, run.Err);
        Assert.True(ns.WaitForPackets(1000, TimeSpan.FromSeconds(20)), "tcpdump did not capture the transfers");
        ns.Stop();

        var diff = TsharkDifferential.Run(ns.PcapPath);
        output.WriteLine(FlagAgreement.Header);
        var failures = new List<string>();
        foreach (var name in TsharkDifferential.Checked)
        {
            var a = diff.Compare(name);
            output.WriteLine(a.Row());
            if (a.Disagreeing.Count > 0)
            {
                output.WriteLine($"    disagreeing frames: {string.Join(' ', a.Disagreeing.Take(20))}");
            }

            // Asserted where tshark flags enough packets for a percentage to mean something.
            if (a.Both + a.OnlyTshark >= 10 && (a.Precision < 0.98 || a.Recall < 0.98))
            {
                failures.Add($"{name}: precision {a.Precision:P2}, recall {a.Recall:P2}");
            }
        }

        var rtt = diff.ValueMismatches(
            "initial_rtt",
            a => a.InitialRttNanos >= 0 && a.HasAnalysisRecord ? TsharkDifferential.Seconds(a.InitialRttNanos) : null);
        output.WriteLine($"packets {diff.Theirs.Count}, retransmissions flagged by tshark {diff.Compare("retransmission").Both + diff.Compare("retransmission").OnlyTshark}, initial_rtt mismatches {rtt.Count}");
        Assert.True(diff.Compare("retransmission").Both >= 10, "the loss rule produced too few retransmissions to compare");
        Assert.Empty(failures);
        Assert.Empty(rtt);
    }
}
