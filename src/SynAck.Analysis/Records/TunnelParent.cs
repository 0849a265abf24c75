using SynAck.Wire;

namespace SynAck.Analysis.Records;

/// <summary>
/// A tunnel that carried a connection (conn.log <c>tunnel_parents</c>): its uid, kind, and the outer endpoints as
/// the first packet through it carried them (ports are 0 for IP-in-IP and GRE).
/// </summary>
public readonly record struct TunnelParent(
    string Uid, TunnelKind Kind, IpAddr SourceHost, ushort SourcePort, IpAddr DestinationHost, ushort DestinationPort);
