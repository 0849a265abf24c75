using System.Globalization;
using SynAck.Analysis.Findings;
using SynAck.Wire;

namespace SynAck.Analysis.Anomalies.Scans;

/// <summary>Concluding 4-tuples into scan and flood aggregates, and turning aggregates into findings.</summary>
public sealed partial class ScanDetector
{
    /// <summary>True when the 4-tuple never became a conversation: a probe of its kind.</summary>
    private static bool IsProbe(in ProbeFlow f) => f.Kind switch
    {
        ScanKind.Syn => !f.Completed && !f.Payload,
        ScanKind.Fin or ScanKind.Null or ScanKind.Xmas => !f.Payload && f.InitiatorPackets <= 3,
        ScanKind.Ack => !f.Payload && f.InitiatorPackets <= 3 && !f.ResponderOther && !f.ResponderSynAck,
        _ => false,
    };

    private void Conclude(in ProbeFlow f)
    {
        if (!IsProbe(f))
        {
            return;
        }

        var scanKey = (f.Initiator, f.Kind);
        if (_scanners.TryGetValue(scanKey, out var agg) && !QualifiesAsScan(agg) &&
            f.FirstNanos - agg.FirstNanos > _options.ScanWindowNanos)
        {
            _scanners.Remove(scanKey);
            agg = null;
        }

        agg ??= NewAggregate(_scanners, scanKey);
        agg?.Add(f.Responder, f.ResponderPort, f.FirstFrame, f.FirstNanos, _options.MaxDistinctPerAggregate);

        if (f.Kind == ScanKind.Syn)
        {
            var floodKey = (f.Responder, f.ResponderPort);
            var target = _floodTargets.TryGetValue(floodKey, out var t) ? t : NewAggregate(_floodTargets, floodKey);
            target?.Add(f.Initiator, f.InitiatorPort, f.FirstFrame, f.FirstNanos, _options.MaxDistinctPerAggregate);
        }
    }

    private TargetAggregate? NewAggregate<TKey>(Dictionary<TKey, TargetAggregate> table, TKey key)
        where TKey : notnull
    {
        if (table.Count >= _options.MaxHosts)
        {
            // Drop the least recently started half of the aggregates that have not qualified; keep the rest.
            var starts = new List<long>();
            foreach (var kv in table)
            {
                starts.Add(kv.Value.FirstNanos);
            }

            starts.Sort();
            var cut = starts[starts.Count / 2];
            foreach (var kv in table)
            {
                if (kv.Value.FirstNanos <= cut && !QualifiesAsScan(kv.Value) && !QualifiesAsFlood(kv.Value))
                {
                    table.Remove(kv.Key);
                    DroppedHosts++;
                }
            }

            if (table.Count >= _options.MaxHosts)
            {
                DroppedHosts++;
                return null;
            }
        }

        var agg = new TargetAggregate();
        table[key] = agg;
        UpdatePeakHosts();
        return agg;
    }

    private bool QualifiesAsScan(TargetAggregate a) =>
        a.DistinctPorts >= _options.MinDistinctPorts || a.DistinctHosts >= _options.MinDistinctHosts;

    private bool QualifiesAsFlood(TargetAggregate a)
    {
        if (a.Count < _options.FloodMinSyns)
        {
            return false;
        }

        var seconds = Math.Max((a.LastNanos - a.FirstNanos) / 1e9, 1.0);
        return a.Count / seconds >= _options.FloodMinSynsPerSecond;
    }

    /// <summary>Concludes every followed 4-tuple (end of capture) and returns the scan, flood and storm findings.</summary>
    public List<Finding> Findings()
    {
        foreach (var kv in _flows)
        {
            Conclude(kv.Value);
        }

        _flows.Clear();
        var list = new List<Finding>();
        foreach (var ((source, kind), a) in _scanners)
        {
            if (QualifiesAsScan(a))
            {
                list.Add(Make(ScanId(kind), source, null, null, a, a.DistinctHosts, a.DistinctPorts, null, null));
            }
        }

        foreach (var ((host, port), a) in _floodTargets)
        {
            if (QualifiesAsFlood(a))
            {
                var rate = a.Count / Math.Max((a.LastNanos - a.FirstNanos) / 1e9, 1.0);
                var detail = string.Create(CultureInfo.InvariantCulture, $"{a.Count} SYNs without a completed handshake, {rate:F0}/s");
                list.Add(Make(FindingIds.SynFlood, null, host, port, a, null, null, a.DistinctPeers, detail));
            }
        }

        foreach (var (host, w) in _rstSenders)
        {
            if (w.PeakCount >= _options.StormMinRsts)
            {
                var def = FindingCatalog.Get(FindingIds.RstStorm);
                list.Add(new Finding
                {
                    Id = def.Id,
                    Severity = def.Severity,
                    Title = def.Title,
                    Source = host,
                    Count = w.PeakCount,
                    FirstFrame = w.PeakFirstFrame,
                    LastFrame = w.PeakLastFrame,
                    FirstNanos = w.PeakStartNanos,
                    LastNanos = w.PeakEndNanos,
                    ExampleFrames = [w.PeakFirstFrame, w.PeakLastFrame],
                    Detail = string.Create(CultureInfo.InvariantCulture, $"{w.PeakCount} RSTs in the busiest window, {w.Total} in all"),
                });
            }
        }

        list.Sort((x, y) => x.FirstFrame.CompareTo(y.FirstFrame));
        return list;
    }

    private static string ScanId(ScanKind kind) => kind switch
    {
        ScanKind.Syn => FindingIds.SynScan,
        ScanKind.Fin => FindingIds.FinScan,
        ScanKind.Null => FindingIds.NullScan,
        ScanKind.Xmas => FindingIds.XmasScan,
        _ => FindingIds.AckScan,
    };

    private static Finding Make(
        string id, IpAddr? source, IpAddr? destination, ushort? port, TargetAggregate a, int? hosts, int? ports,
        int? sources, string? detail)
    {
        var def = FindingCatalog.Get(id);
        return new Finding
        {
            Id = def.Id,
            Severity = def.Severity,
            Title = def.Title,
            Source = source,
            Destination = destination,
            DestinationPort = port,
            Count = a.Count,
            DistinctHosts = hosts,
            DistinctPorts = ports,
            DistinctSources = sources,
            FirstFrame = a.FirstFrame,
            LastFrame = a.LastFrame,
            FirstNanos = a.FirstNanos,
            LastNanos = a.LastNanos,
            ExampleFrames = a.Examples(),
            Detail = detail,
        };
    }
}
