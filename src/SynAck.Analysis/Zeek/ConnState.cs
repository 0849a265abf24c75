namespace SynAck.Analysis.Zeek;

/// <summary>Zeek's conn.log <c>conn_state</c> codes; <see cref="ConnStateCodes.ToZeekCode"/> spells them.</summary>
public enum ConnState : byte
{
    /// <summary>Connection attempt seen, no reply.</summary>
    S0,

    /// <summary>Connection established, not terminated.</summary>
    S1,

    /// <summary>Normal establishment and termination.</summary>
    SF,

    /// <summary>Connection attempt rejected.</summary>
    Rej,

    /// <summary>Established, close attempt by originator seen (no reply from responder).</summary>
    S2,

    /// <summary>Established, close attempt by responder seen (no reply from originator).</summary>
    S3,

    /// <summary>Established, originator aborted (sent a RST).</summary>
    Rsto,

    /// <summary>Responder sent a RST.</summary>
    Rstr,

    /// <summary>Originator sent a SYN followed by a RST, never saw a SYN-ACK from the responder.</summary>
    Rstos0,

    /// <summary>Responder sent a SYN-ACK followed by a RST, never saw a SYN from the (purported) originator.</summary>
    Rstrh,

    /// <summary>Originator sent a SYN followed by a FIN, never saw a SYN-ACK (half open).</summary>
    Sh,

    /// <summary>Responder sent a SYN-ACK followed by a FIN, never saw a SYN from the originator.</summary>
    Shr,

    /// <summary>No SYN seen, just midstream traffic.</summary>
    Oth,
}
