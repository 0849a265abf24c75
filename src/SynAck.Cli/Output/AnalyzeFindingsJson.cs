using System.Text.Json;
using SynAck.Cli.Commands.Anomalies;

namespace SynAck.Cli.Output;

/// <summary>
/// The <c>tcp_analysis</c> and <c>findings</c> keys of <c>synack analyze --json</c>: totals, then
/// <c>{"total", "by_severity": {high, medium, low, info}, "by_id": [{id, severity, title, findings, matched}],
/// "top": [finding objects as <c>anomalies --format json</c> writes them]}</c>.
/// </summary>
public static class AnalyzeFindingsJson
{
    public static void Write(Utf8JsonWriter w, AnalyzeFindings depth)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(depth);
        var q = depth.Sequence;
        w.WriteStartObject("tcp_analysis");
        w.WriteNumber("retransmission", q.Retransmissions);
        w.WriteNumber("duplicate_ack", q.DuplicateAcks);
        w.WriteNumber("zero_window", q.ZeroWindows);
        w.WriteNumber("out_of_order", q.OutOfOrder);
        w.WriteNumber("connections_with_retransmissions", q.ConnectionsWithRetransmissions);
        w.WriteNumber("rtt_samples", q.RttSamples);
        w.WriteEndObject();

        var f = depth.Findings;
        w.WriteStartObject("findings");
        w.WriteNumber("total", f.Total);
        w.WriteStartObject("by_severity");
        foreach (var (severity, n) in f.BySeverity)
        {
            w.WriteNumber(AnalyzeFindingSections.Severity(severity), n);
        }

        w.WriteEndObject();
        w.WriteStartArray("by_id");
        foreach (var c in f.ById)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Definition.Id);
            w.WriteString("severity", AnalyzeFindingSections.Severity(c.Definition.Severity));
            w.WriteString("title", c.Definition.Title);
            w.WriteNumber("findings", c.Findings);
            w.WriteNumber("matched", c.Matched);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("top");
        foreach (var finding in f.Top)
        {
            FindingJsonWriter.WriteObject(w, finding, depth.CaptureOf?.Invoke(finding));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
