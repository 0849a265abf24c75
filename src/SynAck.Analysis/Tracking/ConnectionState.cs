using SynAck.Analysis.Flows;
using SynAck.Analysis.Lifecycle;
using SynAck.Analysis.Zeek;
using SynAck.Wire;

namespace SynAck.Analysis.Tracking;

/// <summary>Everything tracked for one live connection; stored by value in the tracker's slot array.</summary>
internal struct ConnectionState
{
    public bool InUse;
    public FlowKey Key;
    public long Ordinal;
    public string Uid;

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

    public int TransitionCount;

    /// <summary>Recorded transitions (only when the tracker records them).</summary>
    public List<PendingTransition>? Transitions;
    public List<long>? TransitionFrames;
}
