using SynAck.Analysis.Anomalies;

namespace SynAck.Cli.Commands.Anomalies;

/// <summary>The counts printed under the findings table: what was analyzed and how full the bounded tables got.</summary>
public sealed record AnomalyRunSummary(long Packets, AnomalyDetector Detector);
