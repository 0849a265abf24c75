using System.Text.Json;
using SynAck.Analysis.Findings;

namespace SynAck.Cli.Commands.Anomalies;

/// <summary>Writes findings as JSON lines: one object per finding, times in seconds since the epoch.</summary>
public static class FindingJsonWriter
{
    public static void Write(Stream output, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var f in findings)
        {
            using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                WriteObject(w, f);
            }

            output.WriteByte((byte)'\n');
        }

        output.Flush();
    }

    /// <summary>One finding as a JSON object (the keys of one line), for writers that embed findings.</summary>
    /// <summary>One finding as an object; <paramref name="capture"/>, when given, first (a finding of several captures).</summary>
    public static void WriteObject(Utf8JsonWriter w, Finding f, string? capture = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(f);
        w.WriteStartObject();
        if (capture is not null)
        {
            w.WriteString("capture", capture);
        }

        w.WriteString("id", f.Id);
        w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        w.WriteString("title", f.Title);
        WriteEndpoint(w, "src", f.Source?.ToString(), f.SourcePort);
        WriteEndpoint(w, "dst", f.Destination?.ToString(), f.DestinationPort);
        w.WriteNumber("count", f.Count);
        WriteOptional(w, "distinct_hosts", f.DistinctHosts);
        WriteOptional(w, "distinct_ports", f.DistinctPorts);
        WriteOptional(w, "distinct_sources", f.DistinctSources);
        w.WriteNumber("first_frame", f.FirstFrame);
        w.WriteNumber("last_frame", f.LastFrame);
        w.WriteNumber("first_ts", Math.Round(f.FirstNanos / 1e9, 6));
        w.WriteNumber("last_ts", Math.Round(f.LastNanos / 1e9, 6));
        w.WriteStartArray("example_frames");
        foreach (var frame in f.ExampleFrames)
        {
            w.WriteNumberValue(frame);
        }

        w.WriteEndArray();
        if (f.Detail is not null)
        {
            w.WriteString("detail", f.Detail);
        }

        w.WriteString("doc", FindingCatalog.Get(f.Id).DocPath);
        w.WriteEndObject();
    }

    private static void WriteEndpoint(Utf8JsonWriter w, string name, string? address, ushort? port)
    {
        if (address is not null)
        {
            w.WriteString(name, address);
        }

        if (port is { } p)
        {
            w.WriteNumber(name + "_port", p);
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }
}
