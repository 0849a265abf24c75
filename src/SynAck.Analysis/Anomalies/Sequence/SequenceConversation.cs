using SynAck.Analysis.Flows;

namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>One conversation of <see cref="TcpSequenceAnalyzer"/>'s table: its flow state, identity and recency links.</summary>
internal struct SequenceConversation
{
    public FlowKey Key;
    public long Stream;
    public SequenceFlow Flow;

    /// <summary>The first packet's sender (direction 0 of <see cref="Flow"/>).</summary>
    public Wire.IpAddr Address0;
    public ushort Port0;

    public long LastSeenNanos;

    /// <summary>Recency list links (slot indices), -1 at the ends.</summary>
    public int Newer;
    public int Older;
}
