using SynAck.Wire;

namespace SynAck.Stack;

/// <summary>An IP address and TCP port.</summary>
public readonly record struct TcpEndpoint(IpAddr Address, ushort Port)
{
    public override string ToString() => Address.IsV6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
