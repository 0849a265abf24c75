using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// The per-packet rules, in Wireshark's order: base sequence numbers, zero-window probe, zero window, lost
/// segment, keep-alive, window update, window full, keep-alive ACK, zero-window-probe ACK, duplicate ACK, ACK of
/// an unseen segment, then retransmission / spurious / fast retransmission / out-of-order, then the bookkeeping.
/// Comparisons use 32-bit sequence arithmetic (RFC 9293 §3.4); a next-sequence of 0 means "unknown", as there.
/// Shared by <see cref="TcpSequenceAnalyzer"/> (its own conversation table) and the connection tracker (state kept in
/// each connection's slot); one instance per table owns the pool of unacknowledged-segment nodes.
/// </summary>
internal sealed partial class SequenceRules(SequenceAnalyzerOptions options)
{
    private const TcpFlags SynFinRst = TcpFlags.Syn | TcpFlags.Fin | TcpFlags.Rst;

    private readonly SequenceAnalyzerOptions _options = options;
    private readonly UnackedSegmentPool _pool = new();

    /// <summary>Unacknowledged segments currently remembered, all flows.</summary>
    public int LiveUnackedSegments => _pool.Live;

    /// <summary>Returns a flow's remembered segments to the pool (when its conversation or connection ends).</summary>
    public void Release(ref SequenceFlow c)
    {
        _pool.ReturnList(c.D0.Unacked);
        _pool.ReturnList(c.D1.Unacked);
        c.D0.Unacked = -1;
        c.D1.Unacked = -1;
        c.D0.UnackedCount = 0;
        c.D1.UnackedCount = 0;
    }

    /// <summary>
    /// Analyzes one segment of a flow. <paramref name="fromFirst"/>: sent by the flow's first sender (direction 0).
    /// Without <paramref name="measureBytesInFlight"/> the bytes-in-flight walk over the unacknowledged segments is
    /// skipped (-1, and it does not count towards <see cref="TcpPacketAnalysis.HasAnalysisRecord"/>).
    /// </summary>
    public TcpPacketAnalysis Analyze(ref SequenceFlow c, long stream, bool fromFirst, in TcpSegment seg, TcpAnalysisFlags flags, bool measureBytesInFlight)
    {
        ref var fwd = ref fromFirst ? ref c.D0 : ref c.D1;
        ref var rev = ref fromFirst ? ref c.D1 : ref c.D0;
        var seq = seg.Seq.Value;
        var ack = seg.Ack.Value;
        var len = (uint)seg.PayloadLength;
        var f = seg.Flags;
        var window = (uint)seg.Window;
        var now = seg.TimestampNanos;
        var dupAckNum = 0;
        long dupAckFrame = 0;

        if (!fwd.BaseSeqSet)
        {
            fwd.BaseSeq = (f & TcpFlags.Syn) != 0 ? seq : unchecked(seq - 1);
            fwd.BaseSeqSet = true;
        }

        if (!rev.BaseSeqSet && (f & TcpFlags.Ack) != 0)
        {
            rev.BaseSeq = unchecked(ack - 1);
            rev.BaseSeqSet = true;
        }

        if ((f & TcpFlags.Ack) != 0)
        {
            rev.ValidBytesInFlight = true;
        }

        // Zero-window probe: exactly one byte at the next expected sequence into a closed window (RFC 9293
        // §3.8.6.1). Nothing else about the packet is judged.
        if (len == 1 && seq == fwd.NextSeq && rev.Window == 0)
        {
            flags |= TcpAnalysisFlags.ZeroWindowProbe;
        }
        else
        {
            flags = ClassifyAck(ref fwd, ref rev, seg, flags, len, window, out dupAckNum, out dupAckFrame);
        }

        if (ack != fwd.LastAck)
        {
            fwd.LastNonDupAckFrame = seg.FrameNumber;
            fwd.DupAckNum = 0;
        }

        // ACK of an unseen segment: the ACK covers more than the peer was seen to send contiguously. Flagged as
        // Wireshark 4.0 does (the oracle the differential tests run against): every time, after which the peer's
        // "max seq to be acked" catches up with its next sequence. (Later Wireshark releases flag a stalled
        // direction once only; that variant misses ACKs that cover a second capture gap of the same direction.)
        if (rev.MaxSeqToBeAcked != 0 && IsAfter(ack, rev.MaxSeqToBeAcked) && (f & TcpFlags.Ack) != 0)
        {
            flags |= TcpAnalysisFlags.AckLostSegment;
            rev.MaxSeqToBeAcked = rev.NextSeq;
        }

        if (len > 0 || (f & (TcpFlags.Syn | TcpFlags.Fin)) != 0)
        {
            flags = ClassifyRetransmission(ref c, ref fwd, ref rev, seg, flags, len);
        }

        Remember(ref fwd, seg, flags, len);
        var acked = AcknowledgeReverse(ref rev, ack, now, out var ackRtt);
        var bifEvaluated = false;
        var bytesInFlight = measureBytesInFlight ? BytesInFlight(ref fwd, rev, seg, len, out bifEvaluated) : -1;

        // The handshake RTT as Wireshark measures it: last SYN (without ACK) to the first pure ACK after it.
        if ((f & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Ack && c.HasMruSyn && c.FirstRttNanos == 0)
        {
            c.FirstRttNanos = now - c.MruSynNanos;
        }

        if ((f & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn)
        {
            c.MruSynNanos = now;
            c.HasMruSyn = true;
        }

        if ((f & TcpFlags.Syn) != 0)
        {
            StoreWindowScale(ref fwd, ref rev, seg);
        }

        fwd.LastWasSyn = (f & TcpFlags.Syn) != 0;
        var scaled = (f & TcpFlags.Syn) == 0 && fwd.WinScale >= 0 ? (long)window << fwd.WinScale : window;
        return new TcpPacketAnalysis
        {
            FrameNumber = seg.FrameNumber,
            Stream = stream,
            FromFirstSender = fromFirst,
            Flags = flags,
            DuplicateAckNumber = dupAckNum,
            DuplicateAckFrame = dupAckFrame,
            AckedFrame = acked,
            AckRttNanos = ackRtt,
            InitialRttNanos = c.FirstRttNanos != 0 ? c.FirstRttNanos : -1,
            HasAnalysisRecord = flags != TcpAnalysisFlags.None || acked != 0 || bifEvaluated,
            BytesInFlight = bytesInFlight,
            ScaledWindow = scaled,
            WindowScale = fwd.WinScale,
        };
    }

    private static TcpAnalysisFlags ClassifyAck(
        ref SequenceDirection fwd, ref SequenceDirection rev, in TcpSegment seg, TcpAnalysisFlags flags, uint len,
        uint window, out int dupAckNum, out long dupAckFrame)
    {
        var seq = seg.Seq.Value;
        var ack = seg.Ack.Value;
        var noSynFinRst = (seg.Flags & SynFinRst) == 0;
        dupAckNum = 0;
        dupAckFrame = 0;

        if (window == 0 && noSynFinRst)
        {
            flags |= TcpAnalysisFlags.ZeroWindow;
        }

        if (fwd.NextSeq != 0 && IsAfter(seq, fwd.NextSeq) && (seg.Flags & TcpFlags.Rst) == 0)
        {
            flags |= TcpAnalysisFlags.LostSegment;
            fwd.ValidBytesInFlight = false;
        }

        // Keep-alive (RFC 9293 §3.8.4): zero or one byte at one before the next expected sequence.
        if (len <= 1 && seq == unchecked(fwd.NextSeq - 1) && noSynFinRst)
        {
            flags |= TcpAnalysisFlags.KeepAlive;
        }

        var repeatsSeqAck = len == 0 && seq == fwd.NextSeq && ack == fwd.LastAck && noSynFinRst;
        if (repeatsSeqAck && window != 0 && window != fwd.Window)
        {
            flags |= TcpAnalysisFlags.WindowUpdate;
        }

        if (len > 0 && rev.WinScale != -1 && noSynFinRst)
        {
            var shift = rev.LastWasSyn || rev.WinScale == -2 ? 0 : rev.WinScale;
            if (unchecked(seq + len) == unchecked(rev.LastAck + (rev.Window << shift)))
            {
                flags |= TcpAnalysisFlags.WindowFull;
            }
        }

        if (repeatsSeqAck && window != 0 && window == fwd.Window && (rev.LastSegmentFlags & TcpAnalysisFlags.KeepAlive) != 0)
        {
            return flags | TcpAnalysisFlags.KeepAliveAck;
        }

        if (repeatsSeqAck && window == 0 && window == fwd.Window && (rev.LastSegmentFlags & TcpAnalysisFlags.ZeroWindowProbe) != 0)
        {
            return flags | TcpAnalysisFlags.ZeroWindowProbeAck;
        }

        if (repeatsSeqAck && window != 0 && window == fwd.Window)
        {
            fwd.DupAckNum++;
            dupAckNum = fwd.DupAckNum;
            dupAckFrame = fwd.LastNonDupAckFrame;
            flags |= TcpAnalysisFlags.DuplicateAck;
        }

        return flags;
    }

    private TcpAnalysisFlags ClassifyRetransmission(
        ref SequenceFlow c, ref SequenceDirection fwd, ref SequenceDirection rev, in TcpSegment seg,
        TcpAnalysisFlags flags, uint len)
    {
        if ((flags & TcpAnalysisFlags.KeepAlive) != 0)
        {
            return flags;
        }

        var seq = seg.Seq.Value;
        var now = seg.TimestampNanos;
        var notAdvanced = fwd.NextSeq != 0 && IsBefore(seq, fwd.NextSeq);

        // More than one byte starting one before the next expected sequence adds new data (a previous one-byte
        // probe is being resent together with new bytes): not a retransmission.
        if (len > 1 && unchecked(fwd.NextSeq - 1) == seq)
        {
            notAdvanced = false;
        }

        if (len > 0 && rev.LastAck != 0 && IsBeforeOrEqual(unchecked(seq + len), rev.LastAck))
        {
            return flags | TcpAnalysisFlags.SpuriousRetransmission | TcpAnalysisFlags.Retransmission;
        }

        // Fast retransmission (RFC 5681 §3.2): at the duplicate-ACKed sequence, after at least two duplicates.
        if (notAdvanced && rev.DupAckNum >= 2 && rev.LastAck == seq &&
            (ulong)(now - rev.LastAckNanos) < (ulong)_options.FastRetransmissionWindowNanos)
        {
            return flags | TcpAnalysisFlags.FastRetransmission | TcpAnalysisFlags.Retransmission;
        }

        var threshold = c.FirstRttNanos != 0 ? c.FirstRttNanos : _options.DefaultOutOfOrderThresholdNanos;
        var end = unchecked(seq + len + ((seg.Flags & (TcpFlags.Syn | TcpFlags.Fin)) != 0 ? 1u : 0u));
        if (notAdvanced && (ulong)(now - fwd.NextSeqNanos) < (ulong)threshold && fwd.NextSeq != end)
        {
            return flags | TcpAnalysisFlags.OutOfOrder;
        }

        return notAdvanced ? flags | TcpAnalysisFlags.Retransmission : flags;
    }

    private static void StoreWindowScale(ref SequenceDirection fwd, ref SequenceDirection rev, in TcpSegment seg)
    {
        // RFC 7323 §2.3: scaling is in use only when both SYNs carry the option; shifts above 14 are taken as 14.
        var ws = seg.Options.WindowScale;
        if (ws >= 0)
        {
            fwd.WinScale = Math.Min((int)ws, 14);
        }

        if (fwd.WinScale == -1)
        {
            fwd.WinScale = -2;
            rev.WinScale = -2;
        }
        else if ((seg.Flags & TcpFlags.Ack) != 0 && rev.WinScale == -2)
        {
            fwd.WinScale = -2;
        }
    }

    private static bool IsAfter(uint a, uint b) => unchecked((int)(a - b)) > 0;

    private static bool IsBefore(uint a, uint b) => unchecked((int)(a - b)) < 0;

    private static bool IsBeforeOrEqual(uint a, uint b) => unchecked((int)(a - b)) <= 0;
}
