namespace SynAck.Analysis.Anomalies.Scans;

/// <summary>Thresholds of the scan, SYN-flood and RST-storm detectors.</summary>
public sealed record ScanOptions
{
    /// <summary>A source is scanning when its probes of one kind reach this many distinct ports (on any hosts)...</summary>
    public int MinDistinctPorts { get; init; } = 20;

    /// <summary>...or this many distinct hosts.</summary>
    public int MinDistinctHosts { get; init; } = 20;

    /// <summary>Probes count towards one scan only within this time from its first probe, ns (default 10 min).</summary>
    public long ScanWindowNanos { get; init; } = 600_000_000_000;

    /// <summary>A destination service is flooded when at least this many SYNs never complete a handshake...</summary>
    public int FloodMinSyns { get; init; } = 1000;

    /// <summary>...at an average of at least this many per second over their span.</summary>
    public double FloodMinSynsPerSecond { get; init; } = 100;

    /// <summary>A host sends a RST storm when it sends at least this many RSTs...</summary>
    public int StormMinRsts { get; init; } = 200;

    /// <summary>...within this window, ns (default 10 s).</summary>
    public long StormWindowNanos { get; init; } = 10_000_000_000;

    /// <summary>Most 4-tuples followed at once; when full the least recently active half is concluded and dropped.</summary>
    public int MaxFlows { get; init; } = 1 << 18;

    /// <summary>
    /// A 4-tuple is concluded (its probe outcome counted) after this long without a packet, capture time; a later
    /// packet starts it again. A probe's answer comes within seconds; the table then holds what was recently seen.
    /// </summary>
    public long FlowTimeoutNs { get; init; } = 60_000_000_000;

    /// <summary>Most sources (scanners, RST senders) and destinations (flood targets) followed at once.</summary>
    public int MaxHosts { get; init; } = 1 << 16;

    /// <summary>Distinct targets or sources remembered per aggregate; counts saturate here.</summary>
    public int MaxDistinctPerAggregate { get; init; } = 4096;
}
