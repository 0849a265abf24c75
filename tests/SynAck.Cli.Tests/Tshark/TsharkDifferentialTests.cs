using System.Text.Json;
using Xunit.Abstractions;

namespace SynAck.Cli.Tests.Tshark;

/// <summary>
/// Differential test: for every packet tshark decodes as TCP in the labeled capture and in each Zeek corpus trace,
/// <c>synack packets --format json</c> must report the same addresses, ports, flags, raw seq/ack/window, payload length,
/// MSS, window scale, SACK-permitted and TSval. Every packet must agree, or fall under one of the documented
/// differences, which are counted per trace (run with <c>--logger "console;verbosity=detailed"</c> to see the lines):
/// <list type="bullet">
/// <item><b>tunnel</b>: the outer IP packet carries IP-in-IP (4), IPv6-in-IP (41), GRE (47) or UDP (17: VXLAN, GTP,
/// Teredo); tshark decapsulates and shows the inner TCP, SynAck reports the outer packet (it does not decapsulate,
/// like Zeek without its tunnel analyzers) and <c>--all</c> shows it as NotTcp with that protocol.</item>
/// <item><b>icmp</b>: an ICMP/ICMPv6 error quoting the start of a TCP segment; tshark dissects the quoted header as
/// TCP, SynAck reports the ICMP packet.</item>
/// <item><b>fragment</b>: tshark reassembles IP fragments and shows the TCP header on the frame that completes the
/// datagram; SynAck decodes packet by packet, so that frame is a non-first fragment (status Fragment).</item>
/// <item><b>pppoe-length</b>: the IPv4 total length runs past the PPPoE payload length (RFC 2516 §4); tshark cuts
/// the IP packet at the PPPoE length, SynAck takes the TCP payload length from the IP header, as Zeek does (6 frames
/// of pppoe-over-qinq, whose last 6 bytes tshark calls padding).</item>
/// <item><b>unsupported-encapsulation</b>: 802.1ah PBB, Cisco VN-Tag and Cisco FabricPath frames (traces pbb,
/// vntag-in-vlan, cisco-fabric-path); the decoder supports Ethernet with 802.1Q/802.1ad, MPLS and PPPoE, so they are
/// NotIp with that EtherType.</item>
/// </list>
/// </summary>
public sealed class TsharkDifferentialTests(ITestOutputHelper output)
{
    private const string Absent = "(../shared absent)";

    // EtherTypes of layer-2 encapsulations the decoder does not implement (not among issue 2's link types).
    private const int PbbItag = 0x88E7;     // IEEE 802.1ah provider backbone bridging I-tag
    private const int VnTag = 0x8926;       // Cisco VN-Tag (IEEE 802.1Qbh)
    private const int FabricPath = 0x8903;  // Cisco FabricPath

    public static TheoryData<string> Traces()
    {
        var data = new TheoryData<string>();
        var shared = RepoPaths.Shared;
        if (!File.Exists(Path.Combine(shared, "captures", "labeled.pcap")))
        {
            data.Add(Absent);
            return data;
        }

        data.Add("captures/labeled.pcap");
        foreach (var dir in Directory.GetDirectories(Path.Combine(shared, "corpus", "zeek")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(dir, "trace.pcap*"))
            {
                data.Add(Path.GetRelativePath(shared, file));
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Traces))]
    public void PacketsJson_EveryTsharkTcpPacket_AgreesOrIsADocumentedDifference(string trace)
    {
        Skip.If(trace == Absent, "../shared is absent: no captures to compare against tshark");
        Skip.IfNot(TsharkRunner.IsInstalled, "tshark is not installed (apt-get install tshark)");
        var path = Path.Combine(RepoPaths.Shared, trace);

        var tshark = TsharkRunner.Fields(path);
        var run = CliRun.Of("packets", path, "--format", "json", "--all");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var ours = new Dictionary<long, JsonElement>();
        foreach (var line in run.StdoutLines)
        {
            var o = JsonDocument.Parse(line).RootElement;
            ours[o.GetProperty("n").GetInt64()] = o;
        }

        var report = new DifferentialReport();
        foreach (var (frame, row) in tshark)
        {
            if (!ours.TryGetValue(frame, out var o))
            {
                report.Disagree($"frame {frame}: tshark decodes TCP, synack wrote no packet");
            }
            else if (o.TryGetProperty("sport", out _))
            {
                var mine = PacketFields.FromSynAck(o);
                var differences = string.Join("; ", mine.Differences(row.Fields));
                if (differences.Length == 0)
                {
                    report.Agree();
                }
                else if (differences.StartsWith("len ", StringComparison.Ordinal) && !differences.Contains(';', StringComparison.Ordinal)
                         && row.IsPppoeLengthClamp(mine.Len))
                {
                    report.Explain("pppoe-length");
                }
                else
                {
                    report.Disagree($"frame {frame}: {differences}");
                }
            }
            else
            {
                Classify(report, frame, o);
            }
        }

        foreach (var (frame, o) in ours)
        {
            if (o.TryGetProperty("sport", out _) && !tshark.ContainsKey(frame))
            {
                report.Disagree($"frame {frame}: synack decodes TCP, tshark does not");
            }
        }

        output.WriteLine($"{trace}: {report.Summary(tshark.Count)}");
        Assert.True(report.Disagreements.Count == 0, $"{trace}: {report.Summary(tshark.Count)}\n" + string.Join("\n", report.Disagreements.Take(25)));
    }

    private static void Classify(DifferentialReport report, long frame, JsonElement o)
    {
        var status = o.GetProperty("status").GetString();
        var proto = o.TryGetProperty("proto", out var p) ? p.GetInt32() : -1;
        if (status == "Fragment")
        {
            report.Explain("fragment");
        }
        else if (proto is 1 or 58)
        {
            report.Explain("icmp");
        }
        else if (proto is 4 or 41 or 47 or 17)
        {
            report.Explain("tunnel");
        }
        else if (status == "NotIp" && o.TryGetProperty("ethertype", out var e) && e.GetInt32() is PbbItag or VnTag or FabricPath)
        {
            report.Explain("unsupported-encapsulation");
        }
        else
        {
            report.Disagree($"frame {frame}: tshark decodes TCP, synack says {status} (ip proto {proto})");
        }
    }
}
