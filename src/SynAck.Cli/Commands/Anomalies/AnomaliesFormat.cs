namespace SynAck.Cli.Commands.Anomalies;

/// <summary>Output formats of <c>synack anomalies</c>.</summary>
public enum AnomaliesFormat
{
    /// <summary>Aligned text table, one finding per row, then the evidence lines.</summary>
    Table,

    /// <summary>One JSON object per finding per line.</summary>
    Json,
}
