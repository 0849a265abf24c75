using SynAck.Analysis.Lifecycle;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Analysis.Tracking;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.Tracking;

/// <summary>
/// The automatic sweep runs right after a packet; when it removes another connection (whose final transitions the
/// tracker also records), the packet's own transitions must still be what <see cref="ConnectionTracker.CopyLastTransitions"/>
/// reports for it.
/// </summary>
public sealed class SweepTransitionTests
{
    [Fact]
    public void SweepAfterPacket_RemovesAnotherConnection_PacketKeepsItsOwnTransitions()
    {
        var records = new List<ConnRecord>();
        var tracker = new ConnectionTracker(new TrackerOptions { RecordTransitions = true }, new Sink(records));
        var script = new SegmentScript();
        var other = IpAddr.FromV4(0x0A000009);

        // An unanswered SYN, then, 10 s later, a new connection's SYN: the sweep after it ends the first one.
        tracker.Process(script.Make(other, 50000, SegmentScript.Server, 80, TcpFlags.Syn, 1, 0, 0, 1000));
        script.Now += 10_000_000_000;
        var syn = script.FromClient(TcpFlags.Syn, 1000, 0);
        tracker.Process(syn);

        var removed = Assert.Single(records);
        Assert.Equal(1, removed.FirstFrame);
        Assert.NotEmpty(removed.Transitions);

        var transitions = new StateTransition[8];
        var n = tracker.CopyLastTransitions(transitions);
        Assert.Equal(2, n);
        Assert.Equal(tracker.LastOutcome.TransitionCount, n);
        Assert.All(transitions[..n], t => Assert.Equal(syn.FrameNumber, t.FrameNumber));
        Assert.Contains(transitions[..n], t => t.Endpoint == EndpointRole.Originator && t.To == TcpState.SynSent);
        Assert.Contains(transitions[..n], t => t.Endpoint == EndpointRole.Responder && t.To == TcpState.Listen);
    }

    private sealed class Sink(List<ConnRecord> records) : IConnectionSink
    {
        public void OnConnection(ConnRecord record) => records.Add(record);
    }
}
