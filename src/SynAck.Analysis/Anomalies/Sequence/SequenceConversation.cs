using SynAck.Analysis.Flows;

namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>One analyzed conversation (Wireshark's <c>tcp_analysis</c>): both directions plus handshake timing.</summary>
internal struct SequenceConversation
{
    public FlowKey Key;
    public long Stream;

    /// <summary>Direction 0 is the first packet's sender.</summary>
    public SequenceDirection D0;
    public SequenceDirection D1;
    public Wire.IpAddr Address0;
    public ushort Port0;

    /// <summary>Time of the most recent SYN without ACK, ns; 0 when none (Wireshark's <c>ts_mru_syn</c>).</summary>
    public long MruSynNanos;

    /// <summary>Initial RTT, ns; 0 until the first pure ACK after a SYN (Wireshark's <c>ts_first_rtt</c>).</summary>
    public long FirstRttNanos;

    public bool HasMruSyn;
    public long LastSeenNanos;

    /// <summary>Recency list links (slot indices), -1 at the ends.</summary>
    public int Newer;
    public int Older;
}
