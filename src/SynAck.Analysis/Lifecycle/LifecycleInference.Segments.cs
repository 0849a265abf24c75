using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Lifecycle;

public static partial class LifecycleInference
{
    private static void ApplySyn(ref RfcEndpointPair eps, int side, in TcpSegment seg, ref TransitionBuffer buffer, ref int count)
    {
        var peerSide = side ^ 1;
        var now = seg.TimestampNanos;
        ref var s = ref eps[side];
        s.LastSynNs = now;
        s.OfferedScale = seg.Options.WindowScale;
        if ((seg.Flags & TcpFlags.Ack) == 0)
        {
            // Active open (§3.10.1): CLOSED -> SYN-SENT; the peer must be listening (inferred).
            if (s.State is TcpState.Closed or TcpState.Listen)
            {
                s.Iss = seg.Seq;
                s.IssKnown = true;
                s.PassiveOpen = false;
                Move(ref eps, side, TcpState.SynSent, TransitionCause.SynSent, now, ref buffer, ref count);
            }
            else if (s.State == TcpState.SynSent)
            {
                s.Iss = seg.Seq;
            }

            if (eps[peerSide].State == TcpState.SynSent)
            {
                // Both sent a SYN: simultaneous open, SYN-SENT -> SYN-RECEIVED on the crossing SYN (§3.5).
                Move(ref eps, peerSide, TcpState.SynReceived, TransitionCause.SimultaneousOpen, now, ref buffer, ref count);
            }

            return;
        }

        // SYN+ACK: the answer of a listener (LISTEN -> SYN-RECEIVED) or of a simultaneous opener.
        if (s.State is TcpState.Closed or TcpState.Listen or TcpState.SynSent)
        {
            s.PassiveOpen = s.State != TcpState.SynSent;
            s.Iss = seg.Seq;
            s.IssKnown = true;
            Move(ref eps, side, TcpState.SynReceived, TransitionCause.SynAckSent, now, ref buffer, ref count);
        }
        else if (s.State == TcpState.SynReceived)
        {
            s.Iss = seg.Seq;
        }

        // SYN-SENT with an acceptable ACK of its SYN -> ESTABLISHED (§3.10.7.3).
        ref var r = ref eps[peerSide];
        if (r.State is TcpState.SynSent or TcpState.SynReceived && r.IssKnown && seg.Ack == r.Iss.Add(1u))
        {
            Move(ref eps, peerSide, TcpState.Established, TransitionCause.SynAcknowledged, now, ref buffer, ref count);
        }
    }

    private static void ApplyAck(ref RfcEndpointPair eps, ref TeardownTracker td, int side, in TcpSegment seg, ref TransitionBuffer buffer, ref int count)
    {
        var peerSide = side ^ 1;
        var now = seg.TimestampNanos;
        var syn = (seg.Flags & TcpFlags.Syn) != 0;
        ref var s = ref eps[side];
        ref var r = ref eps[peerSide];
        if (!s.AckSent || seg.Ack.IsAfter(s.LastAck))
        {
            s.LastAck = seg.Ack;
        }

        s.AckSent = true;
        var scaled = !syn && s.OfferedScale >= 0 && r.OfferedScale >= 0;
        s.LastWindow = scaled ? (uint)seg.Window << Math.Min((int)s.OfferedScale, 14) : seg.Window;

        // What the sender's ACK shows it received: the peer's FIN.
        if (r.FinSent && !s.PeerFinReceived && seg.Ack.IsAfterOrEqual(r.FinSeq.Add(1u)))
        {
            s.PeerFinReceived = true;
            if (td.FirstFinSide == peerSide && !s.FinSent && (seg.Flags & TcpFlags.Fin) == 0)
            {
                td.SeparateAckOfFirstFin = true;
            }

            var to = s.State switch
            {
                TcpState.Established or TcpState.SynReceived => TcpState.CloseWait,
                TcpState.FinWait1 => TcpState.Closing,
                TcpState.FinWait2 => TcpState.TimeWait,
                _ => s.State,
            };
            Move(ref eps, side, to, TransitionCause.FinReceived, now, ref buffer, ref count);
        }

        // Midstream: no handshake seen, yet both sides acknowledge data; both must be synchronized.
        if (!syn && !s.IssKnown && !r.IssKnown && r.AckSent && !HasTcb(s.State) && !HasTcb(r.State) && !r.FinSent && !s.FinSent)
        {
            Move(ref eps, side, TcpState.Established, TransitionCause.MidstreamInferred, now, ref buffer, ref count);
            Move(ref eps, peerSide, TcpState.Established, TransitionCause.MidstreamInferred, now, ref buffer, ref count);
        }

        // An ACK of the SYN from an opener whose SYN+ACK receipt we did not see.
        if (!syn && s.State == TcpState.SynSent && r.IssKnown && seg.Ack == r.Iss.Add(1u))
        {
            Move(ref eps, side, TcpState.Established, TransitionCause.SynAcknowledged, now, ref buffer, ref count);
        }

        // What the receiver gets: its SYN or FIN acknowledged.
        if (r.State == TcpState.SynReceived && r.IssKnown && seg.Ack.IsAfter(r.Iss))
        {
            Move(ref eps, peerSide, TcpState.Established, TransitionCause.SynAcknowledged, now, ref buffer, ref count);
        }

        if (r.FinSent && seg.Ack.IsAfterOrEqual(r.FinSeq.Add(1u)))
        {
            var to = r.State switch
            {
                TcpState.FinWait1 => TcpState.FinWait2,
                TcpState.Closing => TcpState.TimeWait,
                TcpState.LastAck => TcpState.Closed,
                _ => r.State,
            };
            Move(ref eps, peerSide, to, TransitionCause.FinAcknowledged, now, ref buffer, ref count);
        }
    }

    private static void ApplyFin(ref RfcEndpointPair eps, ref TeardownTracker td, int side, in TcpSegment seg, ref TransitionBuffer buffer, ref int count)
    {
        var peerSide = side ^ 1;
        ref var s = ref eps[side];
        var syn = (seg.Flags & TcpFlags.Syn) != 0;
        var finSeq = seg.Seq.Add((uint)seg.PayloadLength + (syn ? 1u : 0u));
        if (s.FinSent && finSeq == s.FinSeq)
        {
            return; // retransmission
        }

        if (!HasTcb(s.State) || s.State == TcpState.SynSent)
        {
            return; // a FIN without a connection (a probe): no TCB to close
        }

        s.FinSent = true;
        s.FinSeq = finSeq;
        if (td.FirstFinSide < 0)
        {
            td.FirstFinSide = side;
            if (td.FirstCloser < 0)
            {
                td.FirstCloser = side;
            }
        }
        else if (td.FirstFinSide == peerSide)
        {
            if (!s.PeerFinReceived)
            {
                td.Simultaneous = true;
            }
            else if ((seg.Flags & TcpFlags.Ack) != 0 && !td.SeparateAckOfFirstFin)
            {
                td.SecondFinAckedFirst = true;
            }
        }

        // ESTABLISHED -> FIN-WAIT-1 (active close) or CLOSE-WAIT -> LAST-ACK (passive close), §3.10.4.
        var to = s.State switch
        {
            TcpState.Established or TcpState.SynReceived => TcpState.FinWait1,
            TcpState.CloseWait => TcpState.LastAck,
            _ => s.State,
        };
        Move(ref eps, side, to, TransitionCause.FinSent, seg.TimestampNanos, ref buffer, ref count);
    }

    private static void ApplyReset(ref RfcEndpointPair eps, ref TeardownTracker td, int side, in TcpSegment seg, ref TransitionBuffer buffer, ref int count)
    {
        var peerSide = side ^ 1;
        var now = seg.TimestampNanos;
        ref var s = ref eps[side];
        ref var r = ref eps[peerSide];
        if (!ResetAcceptable(r, s, seg))
        {
            td.IgnoredResets++;
            return;
        }

        if (HasTcb(s.State))
        {
            if (td.ResetSide < 0)
            {
                td.ResetSide = side;
                td.ResetAfterFin = s.FinSent || r.FinSent;
            }

            if (td.FirstCloser < 0)
            {
                td.FirstCloser = side;
            }

            Move(ref eps, side, TcpState.Closed, TransitionCause.RstSent, now, ref buffer, ref count);
        }
        else
        {
            if (r.State == TcpState.SynSent)
            {
                td.Refused = true;
            }

            // A RST+ACK answers a segment only from a port with no listener (§3.10.7.1); a bare RST answering
            // an ACK comes from LISTEN and CLOSED alike, so a listener stays inferred.
            if ((seg.Flags & TcpFlags.Ack) != 0 || s.State == TcpState.Closed)
            {
                Move(ref eps, side, TcpState.Closed, TransitionCause.RefusedAsClosed, now, ref buffer, ref count);
            }
        }

        if (HasTcb(r.State))
        {
            // SYN-RECEIVED from a passive open returns to LISTEN; everywhere else the TCB goes (§3.10.7.4).
            var to = r.State == TcpState.SynReceived && r.PassiveOpen ? TcpState.Listen : TcpState.Closed;
            Move(ref eps, peerSide, to, TransitionCause.RstReceived, now, ref buffer, ref count);
        }
    }

    /// <summary>RFC 9293 §3.10.7.3/§3.10.7.4 (and RFC 5961 §3): is this RST one the receiver would act on?</summary>
    private static bool ResetAcceptable(in RfcEndpoint receiver, in RfcEndpoint sender, in TcpSegment seg)
    {
        switch (receiver.State)
        {
            case TcpState.Closed or TcpState.Listen:
                return true;
            case TcpState.SynSent:
                // Acceptable only if it acknowledges our SYN: ISS < SEG.ACK =< SND.NXT.
                return !receiver.IssKnown ||
                       ((seg.Flags & TcpFlags.Ack) != 0 && seg.Ack.IsAfter(receiver.Iss) &&
                        seg.Ack.IsBeforeOrEqual(receiver.SndNxt));
            default:
                var rcvNxt = receiver.AckSent ? receiver.LastAck : sender.SndNxtKnown ? sender.SndNxt : seg.Seq;
                var window = Math.Max(receiver.LastWindow, 1u);
                return seg.Seq.InWindow(rcvNxt, window) || (sender.SndNxtKnown && seg.Seq == sender.SndNxt);
        }
    }
}
