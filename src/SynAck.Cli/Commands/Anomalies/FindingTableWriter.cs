using System.Globalization;
using SynAck.Analysis.Findings;

namespace SynAck.Cli.Commands.Anomalies;

/// <summary>Writes findings as an aligned text table (one row each) followed by the run's counts.</summary>
public static class FindingTableWriter
{
    public static void Write(TextWriter output, IReadOnlyList<Finding> findings, AnomalyRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(summary);
        var rows = new List<string[]> { new[] { "ID", "SEVERITY", "SOURCE", "DESTINATION", "COUNT", "FRAMES", "EVIDENCE" } };
        foreach (var f in findings)
        {
            rows.Add(
            [
                f.Id,
                f.Severity.ToString().ToLowerInvariant(),
                Endpoint(f.Source?.ToString(), f.SourcePort),
                Endpoint(f.Destination?.ToString(), f.DestinationPort),
                f.Count.ToString(CultureInfo.InvariantCulture),
                string.Join(',', f.ExampleFrames),
                Evidence(f),
            ]);
        }

        var widths = new int[rows[0].Length];
        foreach (var r in rows)
        {
            for (var i = 0; i < r.Length; i++)
            {
                widths[i] = Math.Max(widths[i], r[i].Length);
            }
        }

        foreach (var r in rows)
        {
            var line = string.Join("  ", r.Select((c, i) => i == r.Length - 1 ? c : c.PadRight(widths[i])));
            output.WriteLine(line.TrimEnd());
        }

        var d = summary.Detector;
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{findings.Count} findings; {summary.Packets} packets, {d.Segments} TCP segments; flows peak {d.Scans.PeakFlows} (expired {d.Scans.ExpiredFlows}, evicted {d.Scans.EvictedFlows}), connections peak {d.Connections.Peak} (expired {d.Connections.Expired}, evicted {d.Connections.Evicted}), hosts peak {d.Scans.PeakHosts} (dropped {d.Scans.DroppedHosts})"));
    }

    private static string Endpoint(string? address, ushort? port) =>
        address is null ? "-" : port is { } p ? $"{address}:{p.ToString(CultureInfo.InvariantCulture)}" : address;

    private static string Evidence(Finding f)
    {
        var parts = new List<string> { f.Title };
        if (f.DistinctPorts is { } ports)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{ports} ports"));
        }

        if (f.DistinctHosts is { } hosts)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{hosts} hosts"));
        }

        if (f.DistinctSources is { } sources)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{sources} sources"));
        }

        var span = (f.LastNanos - f.FirstNanos) / 1e9;
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"frames {f.FirstFrame}-{f.LastFrame} over {span:F3} s"));
        if (f.Detail is not null)
        {
            parts.Add(f.Detail);
        }

        return string.Join("; ", parts);
    }
}
