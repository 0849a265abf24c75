namespace SynAck.Analysis.Findings;

/// <summary>Every finding SynAck raises, with its severity and title (an immutable lookup table).</summary>
public static class FindingCatalog
{
    private static readonly FindingDefinition[] s_all =
    [
        new(FindingIds.SynFin, FindingSeverity.High, "SYN and FIN in one segment"),
        new(FindingIds.SynRst, FindingSeverity.High, "SYN and RST in one segment"),
        new(FindingIds.FinWithoutAck, FindingSeverity.Medium, "FIN without ACK on an established connection"),
        new(FindingIds.NullFlags, FindingSeverity.Medium, "TCP segment with no flags (NULL)"),
        new(FindingIds.Xmas, FindingSeverity.Medium, "FIN+PSH+URG segment (Xmas)"),
        new(FindingIds.UrgZeroPointer, FindingSeverity.Low, "URG set with a zero urgent pointer"),
        new(FindingIds.PshEmpty, FindingSeverity.Info, "PSH on a segment without data"),
        new(FindingIds.SynData, FindingSeverity.Medium, "Data on a SYN without TCP Fast Open"),
        new(FindingIds.AckFieldWithoutAck, FindingSeverity.Low, "Non-zero acknowledgment field with ACK clear"),
        new(FindingIds.HandshakeAck, FindingSeverity.Medium, "Handshake acknowledgment is not ISN+1"),
        new(FindingIds.SynOnEstablished, FindingSeverity.Medium, "In-window SYN on an established connection"),
        new(FindingIds.SynOutOfWindow, FindingSeverity.Medium, "Out-of-window SYN on an established connection"),
        new(FindingIds.RstAfterFin, FindingSeverity.Info, "RST after FIN"),
        new(FindingIds.DataAfterRst, FindingSeverity.Low, "Data sent after a RST"),
        new(FindingIds.RstOutOfWindow, FindingSeverity.Medium, "Out-of-window RST"),
        new(FindingIds.RstIgnored, FindingSeverity.High, "RST ignored by its own sender (suspected RST injection)"),
        new(FindingIds.RstIntoTimeWait, FindingSeverity.Medium, "RST into TIME-WAIT (assassination candidate)"),
        new(FindingIds.SynScan, FindingSeverity.High, "SYN scan"),
        new(FindingIds.FinScan, FindingSeverity.High, "FIN scan"),
        new(FindingIds.NullScan, FindingSeverity.High, "NULL scan"),
        new(FindingIds.XmasScan, FindingSeverity.High, "Xmas scan"),
        new(FindingIds.AckScan, FindingSeverity.High, "ACK scan"),
        new(FindingIds.SynFlood, FindingSeverity.High, "SYN flood"),
        new(FindingIds.RstStorm, FindingSeverity.Medium, "RST storm"),
    ];

    /// <summary>All definitions in id order.</summary>
    public static ReadOnlySpan<FindingDefinition> All => s_all;

    /// <summary>The definition of <paramref name="id"/>; throws for an unknown id (a programming error).</summary>
    public static FindingDefinition Get(string id)
    {
        foreach (var d in s_all)
        {
            if (d.Id == id)
            {
                return d;
            }
        }

        throw new ArgumentException($"unknown finding id {id}", nameof(id));
    }
}
