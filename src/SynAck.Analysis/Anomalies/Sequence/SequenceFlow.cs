namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// The analysis state of one TCP flow (Wireshark's <c>tcp_analysis</c>): both directions plus handshake timing.
/// A plain value without references, stored inline wherever flows live (the analyzer's slots, a connection's slot).
/// </summary>
internal struct SequenceFlow
{
    /// <summary>Direction 0 is the first packet's sender.</summary>
    public SequenceDirection D0;
    public SequenceDirection D1;

    /// <summary>Time of the most recent SYN without ACK, ns; 0 when none (Wireshark's <c>ts_mru_syn</c>).</summary>
    public long MruSynNanos;

    /// <summary>Initial RTT, ns; 0 until the first pure ACK after a SYN (Wireshark's <c>ts_first_rtt</c>).</summary>
    public long FirstRttNanos;

    public bool HasMruSyn;

    public static SequenceFlow Initial => new()
    {
        D0 = SequenceDirection.Initial,
        D1 = SequenceDirection.Initial,
    };
}
