using System.Runtime.InteropServices;
using SynAck.Analysis.Anomalies.Sequence;
using SynAck.Analysis.Flows;
using SynAck.Analysis.Input;
using SynAck.Analysis.Lifecycle;
using SynAck.Analysis.Output;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tracking;

/// <summary>
/// Follows every TCP connection in a stream of segments: a flow table keyed by the symmetric 4-tuple, Zeek's
/// conn.log semantics per connection, both endpoints' inferred RFC 9293 states, the handshake and the teardown.
/// Records go to the sink as connections end, so memory grows with live connections only. Per segment the
/// tracker allocates nothing (connection creation allocates the uid string, and recorded transitions when asked).
/// </summary>
public sealed partial class ConnectionTracker
{
    private readonly TrackerOptions _options;
    private readonly ZeekOptions _zeek;
    private readonly IConnectionSink _sink;
    private readonly IZeekRowSink? _rowSink;
    private readonly ConnectionSequenceAnalysis? _sequence;
    private readonly SlotBlocks<ConnectionState> _slots = new();
    private readonly FlowTable _index;
    private readonly IdleOrder _idle = new();

    // Sequence-analysis state by slot, grown with _slots only when the analysis runs.
    private readonly SlotBlocks<ConnectionSequence> _sequences = new();

    // The side data of the slots that have any (ConnectionState.HasSideData), by slot: a dictionary, not arrays the
    // length of the slots, which the common case never reads (growing them with the slots was about 300 page faults
    // on real-close).
    private readonly Dictionary<int, SlotSideData> _side = [];

    // Uids by slot, only when per-packet outcomes are reported (every packet names its connection's uid, so the
    // lookup stays an array index); records compute theirs when the connection ends.
    private string?[] _uids = [];
    private int[] _free = [];
    private int _freeCount;
    private int _highWater;
    private long _ordinal;
    private long _nextSweepNs = long.MinValue;
    private long _latestNs = long.MinValue;
    private TransitionBuffer _scratch;
    private int _scratchCount;
    private int _lastSlot = -1;

    public ConnectionTracker(TrackerOptions options, IConnectionSink sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        _options = options;
        _zeek = options.Zeek;
        _sink = sink;
        _index = new FlowTable(_slots);
        _rowSink = sink is IZeekRowSink { AcceptsZeekRows: true } rows ? rows : null;
        _sequence = options.AnalyzeSequences ? new ConnectionSequenceAnalysis(new SequenceAnalyzerOptions()) : null;
    }

    /// <summary>Running totals.</summary>
    public TrackerCounters Counters { get; } = new();

    /// <summary>Connections currently in the table.</summary>
    public int LiveConnections => _index.Count;

    /// <summary>
    /// The outcome of the last <see cref="Process(in TcpSegment)"/> call (kept only with <see cref="TrackerOptions.ReportOutcomes"/>).
    /// </summary>
    public PacketOutcome LastOutcome { get; private set; }

    /// <summary>
    /// Feeds one segment (in capture order). A <see cref="TcpSegment.HeaderOnly"/> segment only finds or creates its
    /// connection (and checks reuse and encapsulation), as Zeek does with a packet whose TCP header was cut.
    /// </summary>
    public void Process(in TcpSegment seg)
    {
        var key = FlowKey.Create(seg.Source, seg.SourcePort, seg.Destination, seg.DestinationPort);
        Process(seg, key, key.GetHashCode());
    }

    /// <summary>
    /// <see cref="Process(in TcpSegment)"/> for a caller that has the hash of the segment's <see cref="FlowKey"/>
    /// already (it must be that key's <see cref="FlowKey.GetHashCode"/>): a sharded run hashes every packet to find
    /// its shard, and hashing it again here was 2 % of a thread's time.
    /// </summary>
    internal void Process(in TcpSegment seg, int hash) =>
        Process(seg, FlowKey.Create(seg.Source, seg.SourcePort, seg.Destination, seg.DestinationPort), hash);

    private void Process(in TcpSegment seg, in FlowKey key, int hash)
    {
        _scratchCount = 0;
        var now = seg.TimestampNanos;
        if (now > _latestNs)
        {
            _latestNs = now;
        }

        if (!seg.HeaderOnly)
        {
            Counters.Segments++;
        }

        var slot = -1;

        // Segments of one connection often come in runs (a window of data, its ACKs): the last segment's slot is
        // checked before the index (its state is in cache; the index entry would be a cache miss).
        var existing = _lastSlot;
        if ((existing >= 0 && _slots[existing].InUse && _slots[existing].Key.Equals(key)) || _index.TryGetValue(key, hash, out existing))
        {
            // (The index prefetched the connection's state, some 18 cache lines, most of which this segment reads:
            // asked for at once, they arrive in parallel instead of one miss after another as the analysis walks
            // them; 4-6 % faster on real-close, interleaved runs.)
            slot = existing;
            ref var c = ref _slots[slot];
            var side0 = c.SideOf(seg);
            var due = ZeekTcpAnalyzer.DueRemoval(ref c.Zeek, _zeek, now, out var cause);
            if (due != long.MaxValue)
            {
                Remove(slot, ToReason(cause), due);
                slot = -1;
            }
            else if (ZeekTcpAnalyzer.IsReuse(ref c.Zeek, seg, side0))
            {
                Remove(slot, RemovalReason.Reused, now);
                slot = -1;
            }
        }

        var created = slot < 0;
        if (created)
        {
            slot = Create(key, hash, seg);
        }

        if (seg.Tunnel.IsTunnel || _slots[slot].TunnelIdentity != 0)
        {
            // (A new connection's slot was cleared: a segment outside any tunnel has nothing to check or note.)
            CheckEncapsulation(slot, seg, created);
        }

        if (!seg.HeaderOnly)
        {
            ProcessInto(slot, seg);
        }
        else
        {
            Counters.HeaderOnly++;
            _lastSlot = slot;
        }

        if (_options.SweepAutomatically && now >= _nextSweepNs)
        {
            _nextSweepNs = now + _options.SweepIntervalNs;
            Sweep(now, skipLastConnection: true);
        }
    }

    private void ProcessInto(int slot, in TcpSegment seg)
    {
        ref var c = ref _slots[slot];
        _lastSlot = slot;
        _scratchCount = 0;
        var side = c.SideOf(seg);
        c.LastFrame = seg.FrameNumber;
        if (seg.TimestampNanos < c.LastPacketNs && _idle.Active)
        {
            // Time went backwards in the capture: the idle order needs an entry at or before the new time.
            _idle.Add(seg.TimestampNanos, slot, c.Ordinal);
        }

        c.LastPacketNs = seg.TimestampNanos;

        if (seg.Checksum == ChecksumStatus.Bad && _zeek.DropsBadChecksumFrom(seg.Source))
        {
            // Zeek drops the segment from analysis and notes it in the history only; so does the receiver.
            Counters.BadChecksums++;
            ZeekTcpAnalyzer.ChecksumError(ref c.Zeek, side);
            if (_options.ReportOutcomes)
            {
                LastOutcome = Outcome(ref c, UidOf(slot), side, seg, badChecksum: true);
            }

            return;
        }

        ZeekTcpAnalyzer.Process(ref c.Zeek, side, seg, _zeek);
        CountFlags(ref c, side, seg.Flags);
        _sequence?.Process(ref _sequences[slot], side, seg);
        c.Handshake.Observe(side, seg);
        LifecycleInference.Apply(ref c.Rfc, ref c.Teardown, side, seg, _options.MslNs, ref _scratch, ref _scratchCount);
        if (_scratchCount != 0)
        {
            KeepTransitions(slot, ref c, seg.FrameNumber, ref _scratch, _scratchCount);
        }
        if (_options.ReportOutcomes)
        {
            LastOutcome = Outcome(ref c, UidOf(slot), side, seg, badChecksum: false);
        }
    }

    /// <summary>The side data of the connection in <paramref name="slot"/>, made when it has none yet.</summary>
    private SlotSideData SideOf(int slot)
    {
        _slots[slot].HasSideData = true;
        ref var side = ref CollectionsMarshal.GetValueRefOrAddDefault(_side, slot, out _);
        return side ??= new SlotSideData();
    }

    /// <summary>The side data of the connection in <paramref name="slot"/>, or null when it has none.</summary>
    private SlotSideData? SideDataOf(int slot) => _slots[slot].HasSideData ? _side.GetValueOrDefault(slot) : null;

    /// <summary>The uid of the connection in <paramref name="slot"/>, cached for the packets that follow.</summary>
    private string UidOf(int slot)
    {
        return _uids[slot] ??= ConnUid.Create(_options.UidSeed, _slots[slot].FirstFrame);
    }

    private PacketOutcome Outcome(ref ConnectionState c, string uid, int side, in TcpSegment seg, bool badChecksum)
    {
        var start = c.Zeek.Sides[side].StartSeq32;
        var peerStart = c.Zeek.Sides[side ^ 1].StartSeq32;
        var ack = (seg.Flags & TcpFlags.Ack) != 0;
        return new PacketOutcome
        {
            FrameNumber = seg.FrameNumber,
            Uid = uid,
            ConnectionOrdinal = c.Ordinal,
            FromOriginator = side == c.Zeek.OrigSide,
            OrigState = c.Rfc[c.Zeek.OrigSide].State,
            RespState = c.Rfc[c.Zeek.RespSide].State,
            RelativeSeq = unchecked((ulong)(uint)(seg.Seq.Value - start)),
            RelativeAck = ack ? unchecked((ulong)(uint)(seg.Ack.Value - peerStart)) : 0,
            TransitionCount = _scratchCount,
            BadChecksum = badChecksum,
        };
    }

    /// <summary>
    /// Copies the transitions caused by the last segment into <paramref name="destination"/>, with roles as
    /// known at that packet; returns how many were written.
    /// </summary>
    public int CopyLastTransitions(Span<StateTransition> destination)
    {
        if (_lastSlot < 0)
        {
            return 0;
        }

        var origSide = _slots[_lastSlot].Zeek.OrigSide;
        var n = Math.Min(_scratchCount, destination.Length);
        for (var i = 0; i < n; i++)
        {
            var p = _scratch[i];
            destination[i] = new StateTransition(
                LastOutcome.FrameNumber, p.TimestampNanos,
                p.Side == origSide ? EndpointRole.Originator : EndpointRole.Responder, p.From, p.To, p.Cause);
        }

        return n;
    }

    private void KeepTransitions(int slot, ref ConnectionState c, long frame, ref TransitionBuffer buffer, int count)
    {
        if (count == 0)
        {
            return;
        }

        c.TransitionCount += count;
        Counters.Transitions += count;
        if (!_options.RecordTransitions)
        {
            return;
        }

        var list = SideOf(slot).Recorded ??= [];
        for (var i = 0; i < count; i++)
        {
            list.Add((buffer[i], frame));
        }
    }

    private static void CountFlags(ref ConnectionState c, int side, TcpFlags f)
    {
        var b = side * 8;
        if ((f & TcpFlags.Syn) != 0) { c.FlagCounts[b]++; }
        if ((f & TcpFlags.Fin) != 0) { c.FlagCounts[b + 1]++; }
        if ((f & TcpFlags.Ack) != 0) { c.FlagCounts[b + 2]++; }
        if ((f & TcpFlags.Psh) != 0) { c.FlagCounts[b + 3]++; }
        if ((f & TcpFlags.Rst) != 0) { c.FlagCounts[b + 4]++; }
        if ((f & TcpFlags.Urg) != 0) { c.FlagCounts[b + 5]++; }
        if ((f & TcpFlags.Ece) != 0) { c.FlagCounts[b + 6]++; }
        if ((f & TcpFlags.Cwr) != 0) { c.FlagCounts[b + 7]++; }
    }

    private static RemovalReason ToReason(ZeekRemovalCause cause) => cause switch
    {
        ZeekRemovalCause.CloseDelay => RemovalReason.Closed,
        ZeekRemovalCause.Inactivity => RemovalReason.Inactivity,
        ZeekRemovalCause.Attempt => RemovalReason.AttemptTimeout,
        _ => RemovalReason.Expired,
    };
}
