using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>Chooses initial sequence numbers (RFC 9293 §3.4.1).</summary>
public interface IIsnGenerator
{
    /// <summary>The ISS for a new connection between <paramref name="local"/> and <paramref name="remote"/> at <paramref name="now"/>.</summary>
    SeqNumber Generate(TcpEndpoint local, TcpEndpoint remote, Instant now);
}
