using System.Text.Json;
using SynAck.Analysis.Records;
using SynAck.Analysis.Summary;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

/// <summary><c>synack analyze --json</c>: the whole summary as one JSON object on one line (schema 1, keys in docs/cli.md).</summary>
public static class AnalyzeJsonWriter
{
    public static void Write(Stream output, IReadOnlyList<string> captures, CaptureSummary s, AnalyzeFindings? depth = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(s);
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schema", 1);
            w.WriteStartArray("captures");
            foreach (var c in captures)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteNumber("packets", s.Packets);
            w.WriteNumber("tcp_packets", s.TcpPackets);
            w.WriteStartObject("not_analysed");
            foreach (var (why, n) in s.Skipped)
            {
                w.WriteNumber(why, n);
            }

            w.WriteEndObject();
            w.WriteStartObject("flags");
            foreach (var (flag, n) in s.FlagCounts)
            {
                w.WriteNumber(FlagNames.Name(flag), n);
            }

            w.WriteEndObject();
            w.WriteStartArray("flag_combinations");
            foreach (var (flags, n) in s.FlagCombinations)
            {
                w.WriteStartObject();
                w.WriteString("flags", AnalyzeSections.Combination(flags));
                w.WriteNumber("packets", n);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("connections", s.Connections);
            WriteOutcomes(w, s);
            w.WriteStartObject("conn_states");
            foreach (var (state, n) in s.ByConnState)
            {
                w.WriteNumber(state.ToZeekCode(), n);
            }

            w.WriteEndObject();
            w.WriteStartObject("handshake_rtt");
            WritePercentiles(w, "syn_synack", s.SynSynAckRtt);
            WritePercentiles(w, "synack_ack", s.SynAckAckRtt);
            w.WriteEndObject();
            w.WriteNumber("handshake_check_failures", s.HandshakeCheckFailures);
            w.WriteStartArray("handshake_findings");
            foreach (var f in s.HandshakeFindings)
            {
                w.WriteStartObject();
                w.WriteNumber("packet", f.FrameNumber);
                w.WriteString("check", f.Check);
                w.WriteNumber("expected", f.Expected);
                w.WriteNumber("actual", f.Actual);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteTop(w, "top_originators", s.TopOriginators);
            WriteTop(w, "top_responders", s.TopResponders);
            if (depth is not null)
            {
                AnalyzeFindingsJson.Write(w, depth);
            }

            w.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static void WriteOutcomes(Utf8JsonWriter w, CaptureSummary s)
    {
        w.WriteStartObject("outcomes");
        w.WriteNumber("handshake_completed", s.HandshakesCompleted);
        w.WriteNumber("half_open", s.HalfOpen);
        foreach (var (kind, _) in AnalyzeSections.Outcomes)
        {
            w.WriteNumber(kind.ToName(), AnalyzeSections.Count(s, kind));
        }

        w.WriteEndObject();
    }

    /// <summary>Seconds with microsecond precision; null when no handshake gave a value.</summary>
    private static void WritePercentiles(Utf8JsonWriter w, string name, Percentiles p)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", p.Count);
        foreach (var (key, nanos) in new[] { ("min", p.Min), ("p50", p.P50), ("p90", p.P90), ("p99", p.P99), ("max", p.Max) })
        {
            if (p.Count == 0)
            {
                w.WriteNull(key);
            }
            else
            {
                w.WritePropertyName(key);
                w.WriteRawValue(TimeText.FormatSeconds(nanos, 6), skipInputValidation: true);
            }
        }

        w.WriteEndObject();
    }

    private static void WriteTop(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<Wire.IpAddr, long>> top)
    {
        w.WriteStartArray(name);
        foreach (var (host, n) in top)
        {
            w.WriteStartObject();
            w.WriteString("host", host.ToString());
            w.WriteNumber("connections", n);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
