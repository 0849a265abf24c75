using SynAck.Analysis.Records;

namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// Capture-wide totals of the records' sequence analysis (both directions of every connection): flagged packets
/// per kind and the connections that had any of them.
/// </summary>
public sealed class SequenceTotals
{
    public long Retransmissions { get; private set; }

    public long DuplicateAcks { get; private set; }

    public long ZeroWindows { get; private set; }

    public long OutOfOrder { get; private set; }

    public long ConnectionsWithRetransmissions { get; private set; }

    public long RttSamples { get; private set; }

    public void Add(ConnRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var o = record.OrigAnalysis;
        var r = record.RespAnalysis;
        Retransmissions += o.Retransmissions + r.Retransmissions;
        DuplicateAcks += o.DuplicateAcks + r.DuplicateAcks;
        ZeroWindows += o.ZeroWindows + r.ZeroWindows;
        OutOfOrder += o.OutOfOrder + r.OutOfOrder;
        RttSamples += o.RttSamples + r.RttSamples;
        ConnectionsWithRetransmissions += o.Retransmissions + r.Retransmissions > 0 ? 1 : 0;
    }
}
