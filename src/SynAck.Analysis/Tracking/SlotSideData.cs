using SynAck.Analysis.Input;
using SynAck.Analysis.Lifecycle;

namespace SynAck.Analysis.Tracking;

/// <summary>
/// What a few connections keep beside their slot (<see cref="ConnectionState.HasSideData"/>): the recorded
/// transitions when asked for, and the tunnels the connection was seen in.
/// </summary>
internal sealed class SlotSideData
{
    public List<(PendingTransition Transition, long Frame)>? Recorded;

    public List<Encapsulation>? Tunnels;
}
