namespace SynAck.Analysis.Records;

/// <summary>How a connection ended (or had not ended), as SynAck classifies the teardown.</summary>
public enum CloseKind : byte
{
    /// <summary>Still open (or half-closed) when the capture ended.</summary>
    Open,

    /// <summary>FIN, ACK, FIN, ACK.</summary>
    FourWay,

    /// <summary>FIN, FIN+ACK, ACK.</summary>
    ThreeWay,

    /// <summary>Both FINs sent before either arrived (RFC 9293 §3.6).</summary>
    Simultaneous,

    /// <summary>The other side kept sending data after one side's FIN.</summary>
    HalfClose,

    /// <summary>The originator sent the RST that ended it.</summary>
    ResetByOriginator,

    /// <summary>The responder sent the RST that ended it.</summary>
    ResetByResponder,

    /// <summary>The responder answered the SYN with a RST.</summary>
    Refused,

    /// <summary>SYN(s) with no answer at all.</summary>
    Unanswered,

    /// <summary>Removed by an idle timeout while not closed.</summary>
    Evicted,

    /// <summary>None of the above (e.g. probes without a handshake).</summary>
    Other,
}
