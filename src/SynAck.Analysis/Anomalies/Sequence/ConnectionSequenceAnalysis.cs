using SynAck.Analysis.Input;
using SynAck.Analysis.Records;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// Sequence analysis inside the connection tracker: the same rules as <see cref="TcpSequenceAnalyzer"/>, applied
/// to state stored in each connection's slot (so there is no second table lookup and sharded trackers need
/// nothing shared), counting per direction what conn records report. One instance per tracker; allocation-free
/// per packet once the unacknowledged-segment pool has reached its high-water mark. Bytes in flight are not
/// measured here (no record field needs them).
/// </summary>
internal sealed class ConnectionSequenceAnalysis(SequenceAnalyzerOptions options)
{
    private readonly SequenceRules _rules = new(options);

    /// <summary>Unacknowledged segments remembered over all live connections.</summary>
    public int LiveUnackedSegments => _rules.LiveUnackedSegments;

    /// <summary>Analyzes one segment of the connection; <paramref name="side"/> is the tracker's side of its sender.</summary>
    public TcpAnalysisFlags Process(ref ConnectionSequence s, int side, in TcpSegment seg)
    {
        if (!s.Started)
        {
            s.Flow = SequenceFlow.Initial;
            s.Started = true;
        }

        var flags = TcpAnalysisFlags.None;
        var syn = seg.Flags & (TcpFlags.Syn | TcpFlags.Ack);
        if ((syn & TcpFlags.Syn) != 0)
        {
            ref var fwd = ref side == 0 ? ref s.Flow.D0 : ref s.Flow.D1;
            if (fwd.BaseSeqSet && seg.Seq.Value != fwd.BaseSeq)
            {
                // A SYN with a new ISN restarts the analysis, as Wireshark starts a new conversation; the record's
                // counts go on (the tracker decides where connections begin and end).
                flags = TcpAnalysisFlags.ReusedPorts;
                if (syn == TcpFlags.Syn)
                {
                    _rules.Release(ref s.Flow);
                    s.Flow = SequenceFlow.Initial;
                }
            }
        }

        var a = _rules.Analyze(ref s.Flow, 0, side == 0, seg, flags, measureBytesInFlight: false);
        if (side == 0)
        {
            s.S0.Count(a.Flags);
            if (a.AckRttNanos >= 0)
            {
                s.S1.AddRtt(a.AckRttNanos);
            }
        }
        else
        {
            s.S1.Count(a.Flags);
            if (a.AckRttNanos >= 0)
            {
                s.S0.AddRtt(a.AckRttNanos);
            }
        }

        return a.Flags;
    }

    /// <summary>Returns the connection's pooled segments when it leaves the table.</summary>
    public void Release(ref ConnectionSequence s)
    {
        if (s.Started)
        {
            _rules.Release(ref s.Flow);
        }
    }

    /// <summary>The record view of one side's statistics.</summary>
    public static DirectionAnalysis ToRecord(in ConnectionSequence s, int side) => side == 0 ? s.S0.ToRecord() : s.S1.ToRecord();
}
