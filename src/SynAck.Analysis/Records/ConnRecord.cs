using SynAck.Analysis.Lifecycle;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Records;

/// <summary>
/// One connection's record: Zeek's conn.log fields with Zeek's semantics, then SynAck's lifecycle extras. Field
/// order, names and units are a versioned public contract (docs/conn-schema.md, <see cref="SchemaVersion"/>).
/// </summary>
public sealed record ConnRecord
{
    /// <summary>Version of this record's schema in machine-readable outputs.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Time of the connection's first packet, ns since the Unix epoch (conn.log <c>ts</c>).</summary>
    public required long TimestampNanos { get; init; }

    public required string Uid { get; init; }

    public required IpAddr OrigHost { get; init; }

    public required ushort OrigPort { get; init; }

    public required IpAddr RespHost { get; init; }

    public required ushort RespPort { get; init; }

    /// <summary>Last activity minus first packet, ns; null when zero (Zeek leaves it unset then).</summary>
    public long? DurationNanos { get; init; }

    /// <summary>Originator payload bytes from sequence numbers (may exceed what was captured); null when duration is unset.</summary>
    public ulong? OrigBytes { get; init; }

    public ulong? RespBytes { get; init; }

    public required ConnState ConnState { get; init; }

    /// <summary>Bytes of content gaps (data acknowledged but never seen).</summary>
    public ulong MissedBytes { get; init; }

    /// <summary>Zeek history letters; empty when no letter applies (written as '-').</summary>
    public required string History { get; init; }

    public ulong OrigPackets { get; init; }

    /// <summary>Sum of IP total lengths of the originator's packets.</summary>
    public ulong OrigIpBytes { get; init; }

    public ulong RespPackets { get; init; }

    public ulong RespIpBytes { get; init; }

    /// <summary>
    /// Tunnels that carried the connection (conn.log <c>tunnel_parents</c>), in the order first seen; empty when it
    /// was not tunnelled. Zeek adds the tunnel of the first packet and of each of the first five encapsulation changes.
    /// </summary>
    public IReadOnlyList<TunnelParent> TunnelParents { get; init; } = [];

    /// <summary>IP protocol number (6).</summary>
    public byte IpProto { get; init; } = 6;

    /// <summary>Originator's inferred RFC 9293 state after the connection's last packet.</summary>
    public required TcpState OrigState { get; init; }

    public required TcpState RespState { get; init; }

    public required CloseKind CloseKind { get; init; }

    public required ActiveCloser ActiveCloser { get; init; }

    /// <summary>True when a RST ended the connection after a FIN had been sent.</summary>
    public bool ResetAfterFin { get; init; }

    /// <summary>Out-of-window RSTs that were flagged and ignored.</summary>
    public int IgnoredResets { get; init; }

    public required HandshakeRecord Handshake { get; init; }

    public required FlagCounts OrigFlags { get; init; }

    public required FlagCounts RespFlags { get; init; }

    /// <summary>The originator's sequence-analysis counts and the ACK RTT of its data (all zero when analysis is off).</summary>
    public DirectionAnalysis OrigAnalysis { get; init; }

    public DirectionAnalysis RespAnalysis { get; init; }

    public required long FirstFrame { get; init; }

    public required long LastFrame { get; init; }

    /// <summary>Zeek's coarse endpoint states at the end (what conn_state is derived from).</summary>
    public ZeekEndpointState ZeekOrigState { get; init; }

    public ZeekEndpointState ZeekRespState { get; init; }

    /// <summary>Zeek's endpoint size for the originator: <see cref="OrigBytes"/> before the "unset when duration is 0" rule.</summary>
    public ulong ZeekOrigSize { get; init; }

    public ulong ZeekRespSize { get; init; }

    public required RemovalReason RemovalReason { get; init; }

    /// <summary>Number of inferred state transitions.</summary>
    public int TransitionCount { get; init; }

    /// <summary>The transitions themselves, when the tracker was asked to record them; otherwise empty.</summary>
    public IReadOnlyList<StateTransition> Transitions { get; init; } = [];
}
