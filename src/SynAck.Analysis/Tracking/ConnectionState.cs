using System.Runtime.CompilerServices;
using SynAck.Analysis.Flows;
using SynAck.Analysis.Input;
using SynAck.Analysis.Lifecycle;
using SynAck.Analysis.Zeek;
using SynAck.Wire;

namespace SynAck.Analysis.Tracking;

/// <summary>
/// Everything tracked for one live connection; stored by value in the tracker's slot array. Holds no references
/// (uids and recorded transitions live in parallel arrays), so the garbage collector never scans the slots.
/// </summary>
internal struct ConnectionState
{
    public bool InUse;

    /// <summary>Encapsulation changes reported so far (Zeek's <c>tunnel_changes</c>).</summary>
    public byte TunnelChanges;

    /// <summary>
    /// True once the tracker keeps side data for this slot (<see cref="SlotSideData"/>: recorded transitions,
    /// tunnels): most connections have none, and their removal then looks nothing up.
    /// </summary>
    public bool HasSideData;

    /// <summary>
    /// Whether the sender of the first packet (physical side 0; its peer is side 1) is the key's low endpoint: the
    /// sides' addresses and ports are the key's, not stored again (52 bytes less per connection).
    /// </summary>
    public bool Side0IsLow;

    /// <summary>
    /// Identity of the tunnel the last packet came through (<see cref="Input.Encapsulation.Identity"/>), 0 for none.
    /// Checked on every packet, so it sits in the first cache line with the key (in the padding before it).
    /// </summary>
    public ulong TunnelIdentity;

    public FlowKey Key;

    public int TransitionCount;
    public long LastFrame;
    public long LastPacketNs;

    // Zeek's session (its scalars first, then both endpoints' hot fields) and the RFC 9293 endpoints are touched by
    // every segment; the handshake details, the flag counts and the identity fields read at the end come after.
    public ZeekSession Zeek;
    public RfcEndpointPair Rfc;
    public TeardownTracker Teardown;
    public FlagCountBuffer FlagCounts;
    public HandshakeTracker Handshake;
    public long Ordinal;
    public long FirstFrame;

    /// <summary>The physical side (0: the first packet's sender) that sent <paramref name="seg"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int SideOf(in TcpSegment seg) => Key.IsLowEndpoint(seg.Source, seg.SourcePort) == Side0IsLow ? 0 : 1;

    /// <summary>The address of physical side <paramref name="side"/>.</summary>
    public readonly IpAddr Address(int side) => (side == 0) == Side0IsLow ? Key.LowAddress : Key.HighAddress;

    /// <summary>The port of physical side <paramref name="side"/>.</summary>
    public readonly ushort Port(int side) => (side == 0) == Side0IsLow ? Key.LowPort : Key.HighPort;
}
