using SynAck.Analysis.Anomalies.Sequence;
using SynAck.Analysis.Flows;
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
    /// Identity of the tunnel the last packet came through (<see cref="Input.Encapsulation.Identity"/>), 0 for none.
    /// Checked on every packet, so it sits in the first cache line with the key (in the padding before it).
    /// </summary>
    public ulong TunnelIdentity;

    public FlowKey Key;
    public long Ordinal;

    /// <summary>Sender of the first packet (physical side 0) and its peer (side 1).</summary>
    public IpAddr Address0;
    public IpAddr Address1;
    public ushort Port0;
    public ushort Port1;

    public long FirstFrame;
    public long LastFrame;
    public long LastPacketNs;

    public ZeekSession Zeek;
    public RfcEndpointPair Rfc;
    public HandshakeTracker Handshake;
    public TeardownTracker Teardown;
    public FlagCountBuffer FlagCounts;

    /// <summary>Wireshark-style sequence analysis state and per-direction counts (see <see cref="ConnectionSequenceAnalysis"/>).</summary>
    public ConnectionSequence Sequence;

    public int TransitionCount;
}
