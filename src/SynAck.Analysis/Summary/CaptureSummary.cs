using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Summary;

/// <summary>The overview <c>synack analyze</c> shows first: packet and flag counts, outcomes, handshake timing, talkers.</summary>
public sealed record CaptureSummary
{
    public required long Packets { get; init; }

    public required long TcpPackets { get; init; }

    /// <summary>Packets skipped (not TCP or not decodable), by decoder status name.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> Skipped { get; init; }

    /// <summary>Packets carrying each flag (SYN, FIN, ACK, PSH, RST, URG, ECE, CWR, AE).</summary>
    public required IReadOnlyList<KeyValuePair<TcpFlags, long>> FlagCounts { get; init; }

    /// <summary>Packets per exact flag combination, most frequent first.</summary>
    public required IReadOnlyList<KeyValuePair<TcpFlags, long>> FlagCombinations { get; init; }

    public required long Connections { get; init; }

    /// <summary>Connections by <see cref="CloseKind"/>.</summary>
    public required IReadOnlyList<KeyValuePair<CloseKind, long>> ByCloseKind { get; init; }

    /// <summary>Connections by Zeek conn_state.</summary>
    public required IReadOnlyList<KeyValuePair<ConnState, long>> ByConnState { get; init; }

    /// <summary>Connections whose three-way handshake completed (SYN, SYN+ACK, ACK seen).</summary>
    public required long HandshakesCompleted { get; init; }

    /// <summary>Handshakes with a wrong acknowledgment number.</summary>
    public required long HandshakeCheckFailures { get; init; }

    /// <summary>Up to 20 failing checks, in record order.</summary>
    public required IReadOnlyList<HandshakeFinding> HandshakeFindings { get; init; }

    /// <summary>Half-open connections: a side answered or opened but the handshake never completed, and not refused.</summary>
    public required long HalfOpen { get; init; }

    /// <summary>SYN to SYN+ACK times (ns).</summary>
    public required Percentiles SynSynAckRtt { get; init; }

    /// <summary>SYN+ACK to ACK times (ns).</summary>
    public required Percentiles SynAckAckRtt { get; init; }

    /// <summary>Hosts by number of connections they originated, most first (top 10).</summary>
    public required IReadOnlyList<KeyValuePair<IpAddr, long>> TopOriginators { get; init; }

    /// <summary>Hosts by number of connections they answered as responder, most first (top 10).</summary>
    public required IReadOnlyList<KeyValuePair<IpAddr, long>> TopResponders { get; init; }
}
