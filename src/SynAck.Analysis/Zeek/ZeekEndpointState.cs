namespace SynAck.Analysis.Zeek;

/// <summary>
/// Zeek's coarse per-endpoint TCP state (<c>TCP_ENDPOINT_*</c> in Zeek's TCP analyzer); the numeric values equal
/// Zeek's enum indices, which its test baselines print. Distinct from the RFC 9293 states SynAck also infers.
/// </summary>
public enum ZeekEndpointState : byte
{
    Inactive = 0,
    SynSent = 1,
    SynAckSent = 2,
    Partial = 3,
    Established = 4,
    Closed = 5,
    Reset = 6,
}
