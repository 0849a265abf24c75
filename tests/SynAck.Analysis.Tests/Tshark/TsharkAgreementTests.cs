using System.Diagnostics;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Fixtures;
using Xunit.Abstractions;

namespace SynAck.Analysis.Tests.Tshark;

/// <summary>
/// On ../shared/bench/real-close.pcap (1.87 M packets of real loopback HTTP traffic with heavy port reuse), every
/// connection's packets and bytes per direction, and the number of connections, equal tshark's
/// <c>-z conv,tcp</c>. tshark counts frame bytes; the capture is Ethernet without VLAN tags, so a frame is the
/// IP packet plus 14 bytes.
/// </summary>
[Trait("Category", "Tshark")]
public class TsharkAgreementTests(ITestOutputHelper output)
{
    private const int EthernetHeader = 14;

    [SkippableFact]
    public void RealClosePcap_PerConnectionCounts_EqualTsharkConversations()
    {
        Skip.IfNot(OnPath("tshark"), "tshark is not installed");
        var pcap = RepoPaths.Shared("bench", "real-close.pcap");
        Skip.If(pcap is null, "no repository root");
        var temp = (DirectoryInfo?)null;
        try
        {
            if (!File.Exists(pcap))
            {
                var zst = pcap + ".zst";
                Skip.IfNot(File.Exists(zst), "../shared/bench/real-close.pcap(.zst) is not present");
                Skip.IfNot(OnPath("zstd"), "zstd is not installed");
                temp = Directory.CreateTempSubdirectory("synack-tshark-");
                pcap = Path.Combine(temp.FullName, "real-close.pcap");
                Assert.Equal(0, Run("zstd", ["-d", "-q", zst, "-o", pcap]).ExitCode);
            }

            var tshark = Run("tshark", ["-r", pcap!, "-q", "-z", "conv,tcp"]);
            Assert.Equal(0, tshark.ExitCode);
            var conversations = TsharkConversation.Parse(tshark.Stdout.Split('\n'));
            var run = CaptureRun.Of(pcap!);
            output.WriteLine($"tshark: {conversations.Count} conversations; synack: {run.Records.Count} connections from {run.Packets} packets");
            Assert.Equal(conversations.Count, run.Records.Count);

            var mine = run.Records
                .GroupBy(Key)
                .ToDictionary(g => g.Key, g => g.OrderBy(r => r.TimestampNanos).ToList());
            var mismatches = new List<string>();
            foreach (var group in conversations.GroupBy(c => Key(c.A, c.B)))
            {
                var theirs = group.OrderBy(c => c.RelativeStart).ToList();
                var ours = mine.GetValueOrDefault(group.Key) ?? [];
                if (ours.Count != theirs.Count)
                {
                    mismatches.Add($"{group.Key}: tshark {theirs.Count} conversations, synack {ours.Count}");
                    continue;
                }

                for (var i = 0; i < theirs.Count; i++)
                {
                    var c = theirs[i];
                    var r = ours[i];
                    var aIsOrig = c.A == $"{r.OrigHost}:{r.OrigPort}";
                    var (aToB, aToBBytes) = aIsOrig ? (r.OrigPackets, r.OrigIpBytes) : (r.RespPackets, r.RespIpBytes);
                    var (bToA, bToABytes) = aIsOrig ? (r.RespPackets, r.RespIpBytes) : (r.OrigPackets, r.OrigIpBytes);
                    var expected = (c.FramesAToB, c.BytesAToB, c.FramesBToA, c.BytesBToA);
                    var actual = ((long)aToB, TsharkConversation.FormatBytes(aToBBytes + (EthernetHeader * aToB)),
                        (long)bToA, TsharkConversation.FormatBytes(bToABytes + (EthernetHeader * bToA)));
                    if (expected != actual)
                    {
                        mismatches.Add($"{group.Key} #{i}: tshark {expected}, synack {actual} ({r.Uid})");
                    }
                }
            }

            foreach (var m in mismatches.Take(50))
            {
                output.WriteLine(m);
            }

            Assert.Empty(mismatches);
        }
        finally
        {
            temp?.Delete(recursive: true);
        }
    }

    private static string Key(ConnRecord r) => Key($"{r.OrigHost}:{r.OrigPort}", $"{r.RespHost}:{r.RespPort}");

    private static string Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a} {b}" : $"{b} {a}";

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    private static (int ExitCode, string Stdout) Run(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + (p.ExitCode != 0 ? stderr.Result : ""));
    }
}
