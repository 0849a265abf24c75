using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Lifecycle;

/// <summary>A state change by physical side, before roles are resolved into a <see cref="StateTransition"/>.</summary>
public readonly record struct PendingTransition(int Side, long TimestampNanos, TcpState From, TcpState To, TransitionCause Cause);
