using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Lifecycle;

/// <summary>
/// Infers both endpoints' RFC 9293 states from the segments a passive observer sees. A state changes only on
/// evidence from the wire: what an endpoint sends (SYN, SYN+ACK, FIN, RST) and what its acknowledgments show it
/// received. Receiving a FIN is therefore taken from the receiver's ACK of it (ack = FIN seq + 1 or beyond), so a
/// FIN lost after the capture point is not mistaken for a delivered one; a SYN+ACK with the right ack, and an ACK
/// of a SYN or FIN, take effect at the receiver when seen (RFC 9293 §3.10.7).
/// </summary>
public static partial class LifecycleInference
{
    /// <summary>
    /// Applies one segment from physical <paramref name="side"/>; the changes it causes are appended to
    /// <paramref name="buffer"/> from index <paramref name="count"/>.
    /// </summary>
    public static void Apply(
        ref RfcEndpointPair eps, ref TeardownTracker td, int side, in TcpSegment seg, long mslNs,
        ref TransitionBuffer buffer, ref int count)
    {
        var now = seg.TimestampNanos;
        ExpireTimeWait(ref eps, 0, now, mslNs, ref buffer, ref count);
        ExpireTimeWait(ref eps, 1, now, mslNs, ref buffer, ref count);

        var peerSide = side ^ 1;
        var f = seg.Flags;
        var syn = (f & TcpFlags.Syn) != 0;
        var ack = (f & TcpFlags.Ack) != 0;
        var fin = (f & TcpFlags.Fin) != 0;
        if (!eps[side].Seen && !eps[peerSide].Seen && eps[peerSide].State == TcpState.Closed)
        {
            // The first packet of a connection is addressed to someone: a listener is inferred until the wire
            // shows otherwise (a RST+ACK reply means a closed port).
            Move(ref eps, peerSide, TcpState.Listen, TransitionCause.ListenerInferred, now, ref buffer, ref count);
        }

        eps[side].Seen = true;

        if ((f & TcpFlags.Rst) != 0)
        {
            ApplyReset(ref eps, ref td, side, seg, ref buffer, ref count);
            return;
        }

        if (syn && !fin)
        {
            ApplySyn(ref eps, side, seg, ref buffer, ref count);
        }

        var segLen = (uint)seg.PayloadLength + (syn ? 1u : 0u) + (fin ? 1u : 0u);
        ref var s = ref eps[side];
        var end = seg.Seq.Add(segLen);
        if (!s.SndNxtKnown || end.IsAfter(s.SndNxt))
        {
            s.SndNxt = end;
            s.SndNxtKnown = true;
        }

        if (seg.PayloadLength > 0 && eps[peerSide].FinSent && !s.FinSent && s.State != TcpState.Closed)
        {
            td.DataAfterFin = true;
        }

        if (ack)
        {
            ApplyAck(ref eps, ref td, side, seg, ref buffer, ref count);
        }

        if (fin)
        {
            ApplyFin(ref eps, ref td, side, seg, ref buffer, ref count);
        }
    }

    /// <summary>Ends TIME-WAIT once 2·MSL has passed (RFC 9293 §3.10.8).</summary>
    public static void ExpireTimeWait(ref RfcEndpointPair eps, int side, long now, long mslNs, ref TransitionBuffer buffer, ref int count)
    {
        ref var e = ref eps[side];
        if (e.State == TcpState.TimeWait && now - e.TimeWaitSinceNs >= 2 * mslNs)
        {
            Move(ref eps, side, TcpState.Closed, TransitionCause.TimeWaitExpired, e.TimeWaitSinceNs + (2 * mslNs), ref buffer, ref count);
        }
    }

    /// <summary>
    /// At the end of a connection's record: an opener whose SYN was never answered gave up (the connect timed
    /// out) when the attempt timer removed the connection (<paramref name="attemptExpired"/>) or at least
    /// <paramref name="attemptTimeoutNs"/> passed since its last SYN.
    /// </summary>
    public static void Finish(ref RfcEndpointPair eps, long endNs, bool attemptExpired, long attemptTimeoutNs, long mslNs, ref TransitionBuffer buffer, ref int count)
    {
        for (var side = 0; side < 2; side++)
        {
            ExpireTimeWait(ref eps, side, endNs, mslNs, ref buffer, ref count);
            ref var e = ref eps[side];
            if (e.State == TcpState.SynSent && !eps[side ^ 1].Seen && (attemptExpired || endNs - e.LastSynNs >= attemptTimeoutNs))
            {
                var at = attemptExpired ? endNs : e.LastSynNs + attemptTimeoutNs;
                Move(ref eps, side, TcpState.Closed, TransitionCause.AttemptTimedOut, at, ref buffer, ref count);
            }
        }
    }

    private static void Move(ref RfcEndpointPair eps, int side, TcpState to, TransitionCause cause, long now, ref TransitionBuffer buffer, ref int count)
    {
        ref var e = ref eps[side];
        if (e.State == to)
        {
            return;
        }

        if (count < TransitionBuffer.Capacity)
        {
            buffer[count++] = new PendingTransition(side, now, e.State, to, cause);
        }

        e.State = to;
        if (to == TcpState.TimeWait)
        {
            e.TimeWaitSinceNs = now;
        }
    }

    private static bool HasTcb(TcpState s) => s is not (TcpState.Closed or TcpState.Listen);
}
