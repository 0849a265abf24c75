namespace SynAck.Analysis.Findings;

/// <summary>The stable finding ids, as constants for code that raises them.</summary>
public static class FindingIds
{
    public const string SynFin = "SA-FLAG-001";
    public const string SynRst = "SA-FLAG-002";
    public const string FinWithoutAck = "SA-FLAG-003";
    public const string NullFlags = "SA-FLAG-004";
    public const string Xmas = "SA-FLAG-005";
    public const string UrgZeroPointer = "SA-FLAG-006";
    public const string PshEmpty = "SA-FLAG-007";
    public const string SynData = "SA-FLAG-008";
    public const string AckFieldWithoutAck = "SA-FLAG-009";
    public const string HandshakeAck = "SA-HS-001";
    public const string SynOnEstablished = "SA-HS-002";
    public const string SynOutOfWindow = "SA-HS-003";
    public const string RstAfterFin = "SA-RST-001";
    public const string DataAfterRst = "SA-RST-002";
    public const string RstOutOfWindow = "SA-RST-003";
    public const string RstIgnored = "SA-RST-004";
    public const string RstIntoTimeWait = "SA-RST-005";
    public const string SynScan = "SA-SCAN-001";
    public const string FinScan = "SA-SCAN-002";
    public const string NullScan = "SA-SCAN-003";
    public const string XmasScan = "SA-SCAN-004";
    public const string AckScan = "SA-SCAN-005";
    public const string SynFlood = "SA-FLOOD-001";
    public const string RstStorm = "SA-FLOOD-002";
}
