using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Lifecycle;

/// <summary>
/// What a passive observer knows about one endpoint's TCB (RFC 9293 §3.3.1 names): its inferred state, ISS,
/// the highest sequence it sent (SND.NXT as seen), its FIN, and its last acknowledgment and window (its RCV.NXT
/// and RCV.WND as it announced them).
/// </summary>
public struct RfcEndpoint
{
    public TcpState State;

    /// <summary>True when SYN-RECEIVED was entered from LISTEN (a RST then returns it to LISTEN, §3.10.7.4).</summary>
    public bool PassiveOpen;

    public bool IssKnown;
    public SeqNumber Iss;

    public bool SndNxtKnown;

    /// <summary>One past the highest sequence number sent.</summary>
    public SeqNumber SndNxt;

    public bool FinSent;

    /// <summary>Sequence number of the FIN (the FIN occupies this one number).</summary>
    public SeqNumber FinSeq;

    /// <summary>True once this endpoint acknowledged the peer's FIN.</summary>
    public bool PeerFinReceived;

    public bool AckSent;

    /// <summary>Last acknowledgment sent: the endpoint's RCV.NXT as announced.</summary>
    public SeqNumber LastAck;

    /// <summary>Last window announced, scaled when window scaling was negotiated.</summary>
    public uint LastWindow;

    /// <summary>Window scale offered in its SYN, or -1.</summary>
    public sbyte OfferedScale;

    /// <summary>When TIME-WAIT was entered, ns (valid in TIME-WAIT).</summary>
    public long TimeWaitSinceNs;

    /// <summary>Timestamp of the last SYN it sent, ns.</summary>
    public long LastSynNs;

    /// <summary>True once it sent any packet.</summary>
    public bool Seen;
}
