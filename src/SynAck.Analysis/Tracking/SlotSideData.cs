using SynAck.Analysis.Input;
using SynAck.Analysis.Lifecycle;

namespace SynAck.Analysis.Tracking;

/// <summary>
/// What a few connections keep beside their slot (<see cref="ConnectionState.HasSideData"/>): the uid when per-packet
/// outcomes are reported (records compute theirs when the connection ends), the recorded transitions when asked for,
/// and the tunnels the connection was seen in.
/// </summary>
internal sealed class SlotSideData
{
    public string? Uid;

    public List<(PendingTransition Transition, long Frame)>? Recorded;

    public List<Encapsulation>? Tunnels;
}
