using SynAck.Analysis.Anomalies.Scans;

namespace SynAck.Analysis.Anomalies;

/// <summary>Settings of <see cref="AnomalyDetector"/>.</summary>
public sealed record AnomalyOptions
{
    /// <summary>Most connections the per-connection checks track at once.</summary>
    public int MaxConnections { get; init; } = 1 << 18;

    /// <summary>
    /// A connection that sent a FIN or a RST is forgotten by the per-connection checks after this long without a
    /// packet (capture time): twice Linux's MSL of 30 s, the TIME-WAIT within which a late RST or segment is still
    /// checked against it.
    /// </summary>
    public long ClosedTimeoutNs { get; init; } = 60_000_000_000;

    /// <summary>Any connection is forgotten after this long without a packet (Zeek's tcp_inactivity_timeout).</summary>
    public long IdleTimeoutNs { get; init; } = 300_000_000_000;

    /// <summary>Most distinct aggregated packet/connection findings kept.</summary>
    public int MaxFindingKeys { get; init; } = 100_000;

    /// <summary>Scan, flood and storm thresholds.</summary>
    public ScanOptions Scans { get; init; } = new();
}
