using System.Globalization;
using SynAck.Analysis.Findings;

namespace SynAck.Cli.Output;

/// <summary>
/// The sections of <c>synack analyze</c> about what went wrong: sequence-analysis totals (Wireshark's
/// <c>tcp.analysis.*</c> names), findings per severity and per id, and the top examples with their evidence.
/// </summary>
public static class AnalyzeFindingSections
{
    public static IReadOnlyList<AnalyzeSection> Build(AnalyzeFindings depth)
    {
        ArgumentNullException.ThrowIfNull(depth);
        var q = depth.Sequence;
        var f = depth.Findings;
        var byId = new List<KeyValuePair<string, string>>();
        if (f.ById.Count > 0)
        {
            byId.Add(Row("", "severity\tfindings\tmatched"));
        }

        foreach (var c in f.ById)
        {
            byId.Add(Row($"{c.Definition.Id} {c.Definition.Title}", $"{Severity(c.Definition.Severity)}\t{Num(c.Findings)}\t{Num(c.Matched)}"));
        }

        var top = new List<KeyValuePair<string, string>>();
        foreach (var x in f.Top)
        {
            var capture = depth.CaptureOf is { } of ? of(x) + "\t" : "";
            top.Add(Row(x.Id, $"{Severity(x.Severity)}\t{capture}{Evidence(x)}"));
        }

        return
        [
            new("TCP analysis (packets flagged as tcp.analysis.*)", [
                Row("retransmission", Num(q.Retransmissions)),
                Row("duplicate_ack", Num(q.DuplicateAcks)),
                Row("zero_window", Num(q.ZeroWindows)),
                Row("out_of_order", Num(q.OutOfOrder)),
                Row("connections with retransmissions", Num(q.ConnectionsWithRetransmissions)),
                Row("ACK RTT samples", Num(q.RttSamples)),
            ]),
            new("Findings by severity", f.BySeverity.Select(kv => Row(Severity(kv.Key), Num(kv.Value))).ToList()),
            new("Findings by id", byId),
            new("Top findings", top, TextValues: true),
        ];
    }

    public static string Severity(FindingSeverity s) => s.ToString().ToLowerInvariant();

    /// <summary>"10.0.0.1 -> 10.0.0.2:80, 3 packets, 100 ports, frames 1-200": who, how much, where to look.</summary>
    public static string Evidence(Finding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var parts = new List<string> { $"{Endpoint(f.Source?.ToString(), f.SourcePort)} -> {Endpoint(f.Destination?.ToString(), f.DestinationPort)}", $"count {Num(f.Count)}" };
        if (f.DistinctPorts is { } ports)
        {
            parts.Add($"{Num(ports)} ports");
        }

        if (f.DistinctHosts is { } hosts)
        {
            parts.Add($"{Num(hosts)} hosts");
        }

        if (f.DistinctSources is { } sources)
        {
            parts.Add($"{Num(sources)} sources");
        }

        parts.Add($"frames {Num(f.FirstFrame)}-{Num(f.LastFrame)}");
        return string.Join(", ", parts);
    }

    private static string Endpoint(string? address, ushort? port) =>
        address is null ? "*" : port is { } p ? $"{address}:{Num(p)}" : address;

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string> Row(string label, string value) => new(label, value);
}
