using SynAck.Wire;

namespace SynAck.Analysis.Findings;

/// <summary>What packet-level findings are aggregated by: id, endpoints and (for connection findings) ports.</summary>
internal readonly record struct FindingKey(string Id, IpAddr Source, IpAddr Destination, ushort SourcePort, ushort DestinationPort);
