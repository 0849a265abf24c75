using SynAck.Analysis.Anomalies.Scans;

namespace SynAck.Analysis.Anomalies;

/// <summary>Settings of <see cref="AnomalyDetector"/>.</summary>
public sealed record AnomalyOptions
{
    /// <summary>Most connections the per-connection checks track at once.</summary>
    public int MaxConnections { get; init; } = 1 << 18;

    /// <summary>Most distinct aggregated packet/connection findings kept.</summary>
    public int MaxFindingKeys { get; init; } = 100_000;

    /// <summary>Scan, flood and storm thresholds.</summary>
    public ScanOptions Scans { get; init; } = new();
}
