namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// What the analysis remembers about one direction of a conversation: Wireshark's <c>tcp_flow_t</c> and
/// <c>tcp_analyze_seq_flow_info_t</c>. Sequence values are raw 32-bit numbers; 0 doubles as "unknown" exactly
/// where Wireshark's does, so the flags match.
/// </summary>
internal struct SequenceDirection
{
    public bool BaseSeqSet;
    public uint BaseSeq;
    public uint NextSeq;
    public long NextSeqFrame;
    public long NextSeqNanos;
    public uint MaxSeqToBeAcked;
    public uint LastAck;
    public long LastAckNanos;

    /// <summary>Last raw window sent in this direction; <see cref="uint.MaxValue"/> before the first packet.</summary>
    public uint Window;

    /// <summary>Window scale shift: -1 unknown, -2 not in use, else 0–14.</summary>
    public int WinScale;

    /// <summary>Duplicate ACK counter; -1 after an ACK of unseen data (neutralised by the next duplicate).</summary>
    public int DupAckNum;
    public long LastNonDupAckFrame;
    public TcpAnalysisFlags LastSegmentFlags;
    public bool ValidBytesInFlight;

    /// <summary>True while the last segment sent in this direction was a SYN (its window is never scaled).</summary>
    public bool LastWasSyn;

    /// <summary>Bytes the latest SACK option sent in this direction reports received (first three blocks).</summary>
    public uint SackDelivered;

    /// <summary>Newest unacknowledged segment in the pool, -1 when none.</summary>
    public int Unacked;
    public int UnackedCount;

    public static SequenceDirection Initial => new()
    {
        Window = uint.MaxValue,
        WinScale = -1,
        ValidBytesInFlight = true,
        Unacked = -1,
    };
}
