using SynAck.Analysis.Lifecycle;
using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Ladder;

/// <summary>Collects the packets of the selected connection while the tracker runs, and its record when it ends.</summary>
public sealed class LadderCollector(ConnSelector selector) : IPacketObserver, IConnectionSink
{
    private readonly List<PendingRow> _rows = [];
    private readonly StateTransition[] _transitions = new StateTransition[8];
    private string? _uid;

    /// <summary>The tracker whose outcomes this collector reads; set before the capture runs.</summary>
    public ConnectionTracker? Tracker { get; set; }

    public ConnRecord? Record { get; private set; }

    public void OnPacket(in CapturedPacket packet, in DecodedPacket decoded, bool tracked)
    {
        if (!tracked || Tracker is null)
        {
            return;
        }

        var outcome = Tracker.LastOutcome;
        if (_uid is null && Selects(outcome, decoded))
        {
            _uid = outcome.Uid;
        }

        if (_uid is null || outcome.Uid != _uid)
        {
            return;
        }

        var n = Tracker.CopyLastTransitions(_transitions);
        var tcp = decoded.Tcp;
        _rows.Add(new PendingRow(
            packet.FrameNumber, packet.TimestampNanos, packet.TimestampDigits, decoded.Source, tcp.SourcePort,
            outcome, tcp.Flags, tcp.Seq.Value, tcp.Ack.Value, decoded.TcpPayloadLength, _transitions.AsSpan(0, n).ToArray()));
    }

    public void OnConnection(ConnRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Uid == _uid)
        {
            Record = record;
        }
    }

    /// <summary>
    /// The rows with roles as finally decided in the record: where Zeek's rules flipped the roles after a packet,
    /// that packet's states and direction are swapped to match.
    /// </summary>
    public LadderResult? Result()
    {
        if (Record is not { } r)
        {
            return null;
        }

        var rows = new List<LadderRow>(_rows.Count);
        foreach (var p in _rows)
        {
            var fromOrig = p.Source == r.OrigHost && p.SourcePort == r.OrigPort;
            var swapped = fromOrig != p.Outcome.FromOriginator;
            rows.Add(new LadderRow(
                p.Frame, p.TimestampNanos, p.Digits, fromOrig, p.Flags, p.Seq, p.Ack, p.Outcome.RelativeSeq, p.Outcome.RelativeAck,
                p.PayloadLength,
                swapped ? p.Outcome.RespState : p.Outcome.OrigState,
                swapped ? p.Outcome.OrigState : p.Outcome.RespState,
                p.Transitions));
        }

        return new LadderResult(r, rows);
    }

    private bool Selects(PacketOutcome outcome, in DecodedPacket decoded) =>
        (selector.Uid is { } uid && outcome.Uid == uid)
        || (selector.Ordinal is { } n && outcome.ConnectionOrdinal == n)
        || selector.MatchesEndpoints(decoded.Source, decoded.Tcp.SourcePort, decoded.Destination, decoded.Tcp.DestinationPort);

    private sealed record PendingRow(
        long Frame, long TimestampNanos, int Digits, IpAddr Source, ushort SourcePort, PacketOutcome Outcome,
        Wire.Tcp.TcpFlags Flags, uint Seq, uint Ack, int PayloadLength, StateTransition[] Transitions);
}
