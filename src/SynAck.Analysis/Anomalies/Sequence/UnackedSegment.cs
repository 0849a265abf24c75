namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>One sent, not yet acknowledged segment (Wireshark's <c>tcp_unacked_t</c>), a node of a pooled list.</summary>
internal struct UnackedSegment
{
    public uint Seq;
    public uint NextSeq;
    public long Frame;
    public long TimestampNanos;

    /// <summary>Index of the next (older) node, -1 at the end.</summary>
    public int Next;
}
