namespace SynAck.Cli.Commands.Anomalies;

/// <summary>The bound arguments of <c>synack anomalies</c>.</summary>
public sealed record AnomaliesOptions(
    string Capture,
    AnomaliesFormat Format,
    bool VerifyChecksums,
    int ScanMinPorts,
    int FloodMinSyns);
