using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SynAck.Analysis.Anomalies.Sequence;
using Xunit.Abstractions;

namespace SynAck.Cli.Tests.Tshark;

/// <summary>
/// <c>synack packets --format json</c> against tshark (single pass) on the labeled capture: every TCP packet's
/// <c>analysis</c> names, <c>ack_rtt</c>, <c>irtt</c> and duplicate-ACK number and frame must equal tshark's
/// <c>tcp.analysis.*</c> fields exactly (times as tshark prints them, nine decimals).
/// </summary>
public sealed class PacketAnalysisDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[] s_values = ["ack_rtt", "initial_rtt", "duplicate_ack_num", "duplicate_ack_frame"];

    [SkippableFact]
    public void PacketsJson_LabeledCapture_AnalysisEqualsTsharkOnEveryPacket()
    {
        var path = Path.Combine(RepoPaths.Shared, "captures", "labeled.pcap");
        Skip.IfNot(File.Exists(path), "../shared/captures/labeled.pcap is absent");
        Skip.IfNot(TsharkRunner.IsInstalled, "tshark is not installed (apt-get install tshark)");

        var theirs = Tshark(path);
        var run = CliRun.Of("packets", path, "--format", "json");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);

        var mismatches = new List<string>();
        var flagged = 0;
        var rtts = 0;
        var irtts = 0;
        foreach (var line in run.StdoutLines)
        {
            var o = JsonDocument.Parse(line).RootElement;
            var frame = o.GetProperty("n").GetInt64();
            var ours = Ours(o);
            if (!theirs.TryGetValue(frame, out var row))
            {
                mismatches.Add($"frame {frame}: not TCP for tshark");
                continue;
            }

            flagged += ours["analysis"].Length > 0 ? 1 : 0;
            rtts += ours["ack_rtt"].Length > 0 ? 1 : 0;
            irtts += ours["initial_rtt"].Length > 0 ? 1 : 0;
            foreach (var (key, value) in row)
            {
                if (ours[key] != value)
                {
                    mismatches.Add($"frame {frame} {key}: synack '{ours[key]}' tshark '{value}'");
                }
            }
        }

        output.WriteLine($"{run.StdoutLines.Length} TCP packets, {flagged} flagged, {rtts} with ack_rtt, {irtts} with irtt, {mismatches.Count} mismatches");
        foreach (var m in mismatches.Take(30))
        {
            output.WriteLine(m);
        }

        Assert.Equal(theirs.Count, run.StdoutLines.Length);
        Assert.True(flagged > 1000 && rtts > 1000 && irtts > 1000, $"too little to compare: {flagged} flagged, {rtts} ack_rtt, {irtts} irtt");
        Assert.Empty(mismatches);
    }

    private static Dictionary<string, string> Ours(JsonElement o)
    {
        var names = new List<string>();
        if (o.TryGetProperty("analysis", out var analysis))
        {
            foreach (var n in analysis.EnumerateArray())
            {
                names.Add(n.GetString()!);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return new Dictionary<string, string>
        {
            ["analysis"] = string.Join(',', names),
            ["ack_rtt"] = o.TryGetProperty("ack_rtt", out var r) ? r.GetRawText() : "",
            ["initial_rtt"] = o.TryGetProperty("irtt", out var i) ? i.GetRawText() : "",
            ["duplicate_ack_num"] = o.TryGetProperty("dup_ack_num", out var d) ? d.GetRawText() : "",
            ["duplicate_ack_frame"] = o.TryGetProperty("dup_ack_frame", out var f) ? f.GetRawText() : "",
        };
    }

    /// <summary>tshark's analysis per TCP frame: the set flag names (sorted, comma-joined) and the four values.</summary>
    private static Dictionary<long, Dictionary<string, string>> Tshark(string path)
    {
        var names = TcpAnalysisFlagNames.Names.ToArray();
        var start = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-n", "-r", path, "-Y", "tcp", "-T", "fields", "-E", "occurrence=f", "-e", "frame.number" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var field in names.Concat(s_values))
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add("tcp.analysis." + field);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var rows = new Dictionary<long, Dictionary<string, string>>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            var c = line.Split('\t');
            var set = new List<string>();
            for (var i = 0; i < names.Length; i++)
            {
                if (c[i + 1].Length > 0)
                {
                    set.Add(names[i]);
                }
            }

            set.Sort(StringComparer.Ordinal);
            var row = new Dictionary<string, string> { ["analysis"] = string.Join(',', set) };
            for (var i = 0; i < s_values.Length; i++)
            {
                row[s_values[i]] = c[names.Length + 1 + i];
            }

            rows[long.Parse(c[0], CultureInfo.InvariantCulture)] = row;
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);
        return rows;
    }
}
