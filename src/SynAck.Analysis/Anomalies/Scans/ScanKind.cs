namespace SynAck.Analysis.Anomalies.Scans;

/// <summary>What the first packet of a 4-tuple looked like, for scan classification.</summary>
public enum ScanKind : byte
{
    /// <summary>Not a probe-like first packet.</summary>
    None,
    Syn,
    Fin,
    Null,
    Xmas,
    Ack,
}
