using SynAck.Stack.Tcp;
using SynAck.Wire;

namespace SynAck.Stack;

/// <summary>How a <see cref="TcpStack"/> is set up.</summary>
public sealed record TcpStackOptions
{
    /// <summary>The stack's own IP address (IPv4 or IPv6); packets to other addresses are ignored.</summary>
    public required IpAddr LocalAddress { get; init; }

    /// <summary>Tunables for every connection.</summary>
    public TcpConfig Tcp { get; init; } = new();

    /// <summary>First port of the ephemeral range (RFC 6335 §6: 49152–65535).</summary>
    public ushort EphemeralPortFirst { get; init; } = 49152;

    /// <summary>Last port of the ephemeral range.</summary>
    public ushort EphemeralPortLast { get; init; } = 65535;

    /// <summary>Reply to segments for closed ports with RST (RFC 9293 §3.10.7.1).</summary>
    public bool ResetClosedPorts { get; init; } = true;
}
