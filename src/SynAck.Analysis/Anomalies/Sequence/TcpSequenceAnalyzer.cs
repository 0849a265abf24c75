using SynAck.Analysis.Flows;
using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// Wireshark-compatible TCP sequence analysis (<c>tcp.analysis.*</c>): fed every decoded TCP segment in capture
/// order, returns each packet's flags, duplicate-ACK number and frame, ACK RTT, initial RTT and bytes in flight.
/// Keeps its own conversation table keyed by <see cref="FlowKey"/>, independent of the connection tracker.
/// The rules follow Wireshark's <c>tcp_analyze_sequence_number()</c> (single pass, as tshark without -2);
/// deliberate differences are listed in docs/findings/tcp-analysis.md. Allocation-free per packet once the
/// tables have reached their high-water mark.
/// </summary>
public sealed class TcpSequenceAnalyzer
{
    private readonly SequenceAnalyzerOptions _options;
    private readonly Dictionary<FlowKey, int> _index = new();
    private readonly SequenceRules _rules;
    private SequenceConversation[] _slots = new SequenceConversation[256];
    private int[] _freeSlots = new int[256];
    private int _freeCount;
    private int _slotsUsed;
    private int _newest = -1;
    private int _oldest = -1;
    private long _nextStream;

    public TcpSequenceAnalyzer(SequenceAnalyzerOptions? options = null)
    {
        _options = options ?? new SequenceAnalyzerOptions();
        if (_options.MaxConversations < 1 || _options.MaxUnackedSegments < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "limits must be positive");
        }

        _rules = new SequenceRules(_options);
    }

    /// <summary>Conversations currently kept.</summary>
    public int LiveConversations => _index.Count;

    /// <summary>Highest number of conversations kept at once.</summary>
    public int PeakConversations { get; private set; }

    /// <summary>Conversations dropped because the table was full.</summary>
    public long EvictedConversations { get; private set; }

    /// <summary>Unacknowledged segments currently remembered, all conversations.</summary>
    public int LiveUnackedSegments => _rules.LiveUnackedSegments;

    /// <summary>Analyzes one segment (capture order) and returns what Wireshark would show for it.</summary>
    public TcpPacketAnalysis Analyze(in TcpSegment seg) => Analyze(seg, default);

    /// <summary>
    /// Analyzes one segment with the blocks of its SACK option (RFC 2018 §3), which bytes in flight subtract.
    /// </summary>
    public TcpPacketAnalysis Analyze(in TcpSegment seg, in SackBlocks sack)
    {
        var key = FlowKey.Create(seg.Source, seg.SourcePort, seg.Destination, seg.DestinationPort);
        var flags = TcpAnalysisFlags.None;
        if (!_index.TryGetValue(key, out var slot))
        {
            slot = Create(key, seg);
        }
        else
        {
            ref var existing = ref _slots[slot];
            ref var fwd0 = ref IsFirstSender(existing, seg) ? ref existing.Flow.D0 : ref existing.Flow.D1;
            var synOnly = (seg.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn;
            var synAck = (seg.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == (TcpFlags.Syn | TcpFlags.Ack);
            if ((synOnly || synAck) && fwd0.BaseSeqSet && seg.Seq.Value != fwd0.BaseSeq)
            {
                // A SYN with a new ISN starts a new conversation on the same 4-tuple; a SYN-ACK with a new ISN is
                // only flagged (Wireshark keeps it in the conversation it found).
                flags |= TcpAnalysisFlags.ReusedPorts;
                if (synOnly)
                {
                    Remove(slot);
                    slot = Create(key, seg);
                }
            }
        }

        Touch(slot, seg.TimestampNanos);
        ref var c = ref _slots[slot];
        var fromFirst = IsFirstSender(c, seg);
        var result = _rules.Analyze(ref c.Flow, c.Stream, fromFirst, seg, flags, measureBytesInFlight: true);
        SequenceRules.StoreSack(ref fromFirst ? ref c.Flow.D0 : ref c.Flow.D1, sack);

        return result;
    }

    private int Create(in FlowKey key, in TcpSegment seg)
    {
        if (_index.Count >= _options.MaxConversations)
        {
            EvictedConversations++;
            Remove(_oldest);
        }

        int slot;
        if (_freeCount > 0)
        {
            slot = _freeSlots[--_freeCount];
        }
        else
        {
            if (_slotsUsed == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
                Array.Resize(ref _freeSlots, _slots.Length);
            }

            slot = _slotsUsed++;
        }

        _slots[slot] = new SequenceConversation
        {
            Key = key,
            Stream = _nextStream++,
            Address0 = seg.Source,
            Port0 = seg.SourcePort,
            Flow = SequenceFlow.Initial,
            Newer = -1,
            Older = -1,
        };
        _index[key] = slot;
        LinkNewest(slot);
        if (_index.Count > PeakConversations)
        {
            PeakConversations = _index.Count;
        }

        return slot;
    }

    private void Remove(int slot)
    {
        ref var c = ref _slots[slot];
        _rules.Release(ref c.Flow);
        Unlink(slot);
        _index.Remove(c.Key);
        c = default;
        _freeSlots[_freeCount++] = slot;
    }

    private void Touch(int slot, long now)
    {
        _slots[slot].LastSeenNanos = now;
        if (_newest != slot)
        {
            Unlink(slot);
            LinkNewest(slot);
        }
    }

    private void LinkNewest(int slot)
    {
        ref var c = ref _slots[slot];
        c.Older = _newest;
        c.Newer = -1;
        if (_newest >= 0)
        {
            _slots[_newest].Newer = slot;
        }

        _newest = slot;
        if (_oldest < 0)
        {
            _oldest = slot;
        }
    }

    private void Unlink(int slot)
    {
        ref var c = ref _slots[slot];
        if (c.Newer >= 0)
        {
            _slots[c.Newer].Older = c.Older;
        }
        else
        {
            _newest = c.Older;
        }

        if (c.Older >= 0)
        {
            _slots[c.Older].Newer = c.Newer;
        }
        else
        {
            _oldest = c.Newer;
        }

        c.Newer = -1;
        c.Older = -1;
    }

    private static bool IsFirstSender(in SequenceConversation c, in TcpSegment seg) =>
        seg.Source == c.Address0 && seg.SourcePort == c.Port0;
}
