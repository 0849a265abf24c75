using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Lifecycle;

/// <summary>One inferred RFC 9293 state change of one endpoint, and the packet (or timer) that caused it.</summary>
/// <param name="FrameNumber">Frame that caused it (the connection's last frame for timer-driven changes).</param>
/// <param name="TimestampNanos">When it happened, ns since the Unix epoch.</param>
/// <param name="Endpoint">Originator or responder (roles as finally decided for the connection).</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Cause">Why.</param>
public readonly record struct StateTransition(
    long FrameNumber, long TimestampNanos, EndpointRole Endpoint, TcpState From, TcpState To, TransitionCause Cause);
