using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>After the rules: remember the segment, retire what its ACK covers, and measure bytes in flight.</summary>
internal sealed partial class SequenceRules
{
    private void Remember(ref SequenceDirection fwd, in TcpSegment seg, TcpAnalysisFlags flags, uint len)
    {
        var seq = seg.Seq.Value;
        var synFin = (seg.Flags & (TcpFlags.Syn | TcpFlags.Fin)) != 0;
        var nextSeq = unchecked(seq + len);
        if ((len > 0 || synFin) && fwd.UnackedCount < _options.MaxUnackedSegments)
        {
            // SYN and FIN each occupy one sequence number (RFC 9293 §3.4).
            if (synFin)
            {
                nextSeq = unchecked(nextSeq + 1);
            }

            var node = _pool.Rent();
            ref var u = ref _pool[node];
            u.Seq = seq;
            u.NextSeq = nextSeq;
            u.Frame = seg.FrameNumber;
            u.TimestampNanos = seg.TimestampNanos;
            u.Next = fwd.Unacked;
            fwd.Unacked = node;
            fwd.UnackedCount++;
        }

        var probe = (flags & TcpAnalysisFlags.ZeroWindowProbe) != 0;
        if ((IsAfter(nextSeq, fwd.NextSeq) || fwd.NextSeq == 0) && !probe)
        {
            fwd.NextSeq = nextSeq;
            fwd.NextSeqFrame = seg.FrameNumber;
            fwd.NextSeqNanos = seg.TimestampNanos;
        }

        if ((seq == fwd.MaxSeqToBeAcked || fwd.MaxSeqToBeAcked == 0) && !probe)
        {
            fwd.MaxSeqToBeAcked = fwd.NextSeq;
        }

        fwd.Window = seg.Window;
        fwd.LastAck = seg.Ack.Value;
        fwd.LastAckNanos = seg.TimestampNanos;
        fwd.LastSegmentFlags = flags;
    }

    /// <summary>
    /// Drops the reverse direction's segments this ACK covers (trimming a partly covered one) and returns the
    /// frame it acknowledges exactly, with the RTT to it (-1 when none).
    /// </summary>
    private long AcknowledgeReverse(ref SequenceDirection rev, uint ack, long now, out long rtt)
    {
        long acked = 0;
        rtt = -1;
        var prev = -1;
        var i = rev.Unacked;
        while (i >= 0)
        {
            ref var u = ref _pool[i];
            if (ack == u.NextSeq)
            {
                acked = u.Frame;
                rtt = now - u.TimestampNanos;
            }
            else if (IsAfter(ack, u.Seq) && IsBeforeOrEqual(ack, u.NextSeq))
            {
                u.Seq = ack;
                prev = i;
                i = u.Next;
                continue;
            }
            else if (IsAfter(u.NextSeq, ack))
            {
                prev = i;
                i = u.Next;
                continue;
            }

            var next = u.Next;
            if (prev < 0)
            {
                rev.Unacked = next;
            }
            else
            {
                _pool[prev].Next = next;
            }

            _pool.Return(i);
            rev.UnackedCount--;
            i = next;
        }

        // Wireshark shows ack_rtt only when it is non-zero.
        if (rtt == 0)
        {
            rtt = -1;
        }

        return acked;
    }

    public static void StoreSack(ref SequenceDirection fwd, in SackBlocks sack)
    {
        uint delivered = 0;
        var n = Math.Min(sack.Count, 3);
        for (var i = 0; i < n; i++)
        {
            var (left, right) = sack[i];
            delivered = unchecked(delivered + (right.Value - left.Value));
        }

        fwd.SackDelivered = delivered;
    }

    private long BytesInFlight(ref SequenceDirection fwd, in SequenceDirection rev, in TcpSegment seg, uint len, out bool evaluated)
    {
        evaluated = len != 0 && fwd.Unacked >= 0 && fwd.ValidBytesInFlight;
        if (!evaluated)
        {
            return -1;
        }

        ref var head = ref _pool[fwd.Unacked];
        var first = unchecked(head.Seq - fwd.BaseSeq);
        var last = unchecked(head.NextSeq - fwd.BaseSeq);
        for (var i = fwd.Unacked; i >= 0; i = _pool[i].Next)
        {
            ref var u = ref _pool[i];
            var s = unchecked(u.Seq - fwd.BaseSeq);
            var e = unchecked(u.NextSeq - fwd.BaseSeq);
            if (e > last)
            {
                last = e;
            }

            if (s < first)
            {
                first = s;
            }
        }

        // Subtract what the peer's latest SACK option reported delivered (Wireshark keeps its first three blocks).
        var inFlight = unchecked(last - first - rev.SackDelivered);
        if (inFlight == 0 || inFlight >= 2_000_000_000)
        {
            return -1;
        }

        // SYN and FIN are virtual bytes; a result of 0 is not shown, as in Wireshark.
        var shown = (seg.Flags & (TcpFlags.Syn | TcpFlags.Fin)) != 0 ? inFlight - 1L : inFlight;
        return shown == 0 ? -1 : shown;
    }
}
