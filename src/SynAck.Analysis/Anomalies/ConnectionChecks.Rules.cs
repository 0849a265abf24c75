using System.Globalization;
using SynAck.Analysis.Findings;
using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Anomalies;

/// <summary>The per-connection rules.</summary>
public sealed partial class ConnectionChecks
{
    private static void Check(ref ConnectionCheckState st, int side, in TcpSegment seg, FindingAggregator sink)
    {
        ref var s = ref side == 0 ? ref st.S0 : ref st.S1;
        ref var p = ref side == 0 ? ref st.S1 : ref st.S0;
        var f = seg.Flags;
        var syn = (f & TcpFlags.Syn) != 0;
        var ack = (f & TcpFlags.Ack) != 0;
        var rst = (f & TcpFlags.Rst) != 0;
        var fin = (f & TcpFlags.Fin) != 0;
        var seq = seg.Seq.Value;
        var open = st.Established && !IsClosing(st);
        if (syn && !open)
        {
            // RFC 7323 §2.2: each SYN carries its sender's shift; scaling is on only if both SYNs carry one.
            s.WindowScale = seg.Options.WindowScale >= 0 ? Math.Min((int)seg.Options.WindowScale, 14) : -1;
        }

        if (syn && !ack && !rst)
        {
            if (open)
            {
                // RFC 5961 §4: a SYN in a synchronized state is never acceptable; in window, RFC 793 stacks reset.
                var id = InReceiveWindow(p, seq) ? FindingIds.SynOnEstablished : FindingIds.SynOutOfWindow;
                Raise(sink, id, seg, ConnDetail(seg, p));
            }
            else if (!s.SentSyn)
            {
                s.SentSyn = true;
                s.Isn = seq;
                st.Client = side;
            }
        }

        if (syn && ack && !rst)
        {
            // RFC 9293 §3.5: the SYN-ACK must acknowledge exactly the SYN (ISN + 1).
            if (p.SentSyn && st.Client != side && seg.Ack.Value != unchecked(p.Isn + 1))
            {
                Raise(sink, FindingIds.HandshakeAck, seg, Expected("SYN-ACK", seg.Ack.Value, unchecked(p.Isn + 1)));
            }

            s.SentSyn = true;
            s.Isn = seq;
            st.SynAckSeen = true;
            if (s.WindowScale < 0 || p.WindowScale < 0)
            {
                s.WindowScale = -2;
                p.WindowScale = -2;
            }
        }
        else if (!syn && !rst && ack && st.SynAckSeen && !st.HandshakeChecked && side == st.Client)
        {
            st.HandshakeChecked = true;
            st.Established = true;
            if (seg.Ack.Value != unchecked(p.Isn + 1))
            {
                Raise(sink, FindingIds.HandshakeAck, seg, Expected("third ACK", seg.Ack.Value, unchecked(p.Isn + 1)));
            }
        }

        if (fin && !ack && open)
        {
            Raise(sink, FindingIds.FinWithoutAck, seg, null);
        }

        if (rst)
        {
            CheckRst(ref st, ref s, ref p, side, seg, sink);
            return;
        }

        if (st.RstSide >= 0 && !syn)
        {
            if (side == st.RstSide)
            {
                // The RST's own sender keeps the connection going: it did not send the RST (Suricata's
                // "suspected RST inject"), or the receiver answered an in-window RST with a challenge ACK.
                Raise(sink, FindingIds.RstIgnored, seg, Frame("RST in frame ", s.RstFrame));
            }
            else if (seg.PayloadLength > 0)
            {
                Raise(sink, FindingIds.DataAfterRst, seg, Frame("RST in frame ", p.RstFrame));
            }
        }

        Track(ref s, seg);
    }

    private static void CheckRst(
        ref ConnectionCheckState st, ref ConnectionSide s, ref ConnectionSide p, int side, in TcpSegment seg, FindingAggregator sink)
    {
        // Only connections seen to open count: a RST answering a FIN probe is the normal closed-port reply.
        if (st.Established && FinAcked(st.S0, st.S1) && FinAcked(st.S1, st.S0))
        {
            // RFC 1337: a RST reaching the endpoint in TIME-WAIT kills it early ("TIME-WAIT assassination").
            Raise(sink, FindingIds.RstIntoTimeWait, seg, null);
        }
        else if (st.Established && (st.S0.SentFin || st.S1.SentFin))
        {
            Raise(sink, FindingIds.RstAfterFin, seg, null);
        }

        // RFC 5961 §3.2: only a RST inside the receive window is acted on; outside it is dropped.
        if (p.HasAck && st.Established && !InReceiveWindow(p, seg.Seq.Value))
        {
            Raise(sink, FindingIds.RstOutOfWindow, seg, ConnDetail(seg, p));
            return;
        }

        s.SentRst = true;
        s.RstFrame = seg.FrameNumber;
        if (st.RstSide < 0)
        {
            st.RstSide = side;
        }
    }

    private static void Track(ref ConnectionSide s, in TcpSegment seg)
    {
        var f = seg.Flags;
        var end = unchecked(seg.Seq.Value + (uint)seg.PayloadLength + ((f & (TcpFlags.Syn | TcpFlags.Fin)) != 0 ? 1u : 0u));
        if (!s.HasNext || unchecked((int)(end - s.Next)) > 0)
        {
            s.Next = end;
            s.HasNext = true;
        }

        if ((f & TcpFlags.Ack) != 0)
        {
            s.HasAck = true;
            s.LastAck = seg.Ack.Value;
            var shift = (f & TcpFlags.Syn) == 0 && s.WindowScale > 0 ? s.WindowScale : 0;
            s.Window = (long)seg.Window << shift;
        }

        if ((f & TcpFlags.Fin) != 0 && !s.SentFin)
        {
            s.SentFin = true;
            s.FinSeq = unchecked(seg.Seq.Value + (uint)seg.PayloadLength);
        }
    }

    /// <summary>RFC 9293 §3.10.7.4: seq lies in [RCV.NXT, RCV.NXT + max(RCV.WND, 1)) of the receiver.</summary>
    private static bool InReceiveWindow(in ConnectionSide receiver, uint seq) =>
        !receiver.HasAck || unchecked(seq - receiver.LastAck) < (ulong)Math.Max(receiver.Window, 1);

    private static bool FinAcked(in ConnectionSide finSender, in ConnectionSide acker) =>
        finSender.SentFin && acker.HasAck && unchecked((int)(acker.LastAck - (finSender.FinSeq + 1))) >= 0;

    private static void Raise(FindingAggregator sink, string id, in TcpSegment seg, string? detail) =>
        sink.Add(new FindingKey(id, seg.Source, seg.Destination, seg.SourcePort, seg.DestinationPort), seg.FrameNumber, seg.TimestampNanos, detail);

    private static string Expected(string what, uint actual, uint expected) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} acknowledges {actual}, expected ISN+1 = {expected}");

    private static string ConnDetail(in TcpSegment seg, in ConnectionSide receiver) =>
        string.Create(CultureInfo.InvariantCulture, $"seq {seg.Seq.Value}, receiver RCV.NXT {receiver.LastAck}, RCV.WND {receiver.Window}");

    private static string Frame(string prefix, long frame) =>
        prefix + frame.ToString(CultureInfo.InvariantCulture);
}
