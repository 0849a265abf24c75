namespace SynAck.Analysis.Records;

/// <summary>A handshake acknowledgment that does not check out (RFC 9293 §3.5).</summary>
/// <param name="Check">"synack_ack" (SYN+ACK ack must be SYN seq + 1) or "third_ack" (ACK must be SYN+ACK seq + 1).</param>
/// <param name="Expected">The acknowledgment number required.</param>
/// <param name="Actual">The acknowledgment number seen.</param>
/// <param name="FrameNumber">The offending packet.</param>
public sealed record HandshakeFinding(string Check, uint Expected, uint Actual, long FrameNumber);
