using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Zeek;

public static partial class ZeekTcpAnalyzer
{
    private static void UpdateStateMachine(
        ref ZeekSession s, int side, bool isOrig, uint baseSeq, int len, TcpFlags flags, long now,
        ZeekOptions options, ref bool doClose, ref bool genEvent)
    {
        switch (s.Sides[side].State)
        {
            case ZeekEndpointState.Inactive:
                UpdateInactive(ref s, side, isOrig, baseSeq, len, flags, now, options, ref doClose, ref genEvent);
                break;
            case ZeekEndpointState.SynSent or ZeekEndpointState.SynAckSent:
                UpdateSynSent(ref s, side, flags, ref doClose, ref genEvent);
                break;
            case ZeekEndpointState.Established or ZeekEndpointState.Partial:
                UpdateEstablished(ref s, side, flags, ref doClose, ref genEvent);
                break;
            case ZeekEndpointState.Closed:
                // A RST after our FIN (unless the peer closed too, then the FIN exchange already happened).
                if ((flags & TcpFlags.Rst) != 0 && s.Sides[side ^ 1].State != ZeekEndpointState.Closed)
                {
                    SetState(ref s, side, ZeekEndpointState.Reset);
                    if (!s.Sides[side].DidClose)
                    {
                        doClose = true;
                    }
                }

                break;
        }
    }

    private static void UpdateInactive(
        ref ZeekSession s, int side, bool isOrig, uint baseSeq, int len, TcpFlags flags, long now,
        ZeekOptions options, ref bool doClose, ref bool genEvent)
    {
        var peerSide = side ^ 1;
        var ack = (flags & TcpFlags.Ack) != 0;
        if ((flags & TcpFlags.Syn) != 0)
        {
            if (isOrig)
            {
                SetState(ref s, side, ack ? ZeekEndpointState.SynAckSent : ZeekEndpointState.SynSent);
                if (options.AttemptDelayNs > 0)
                {
                    s.AttemptAtNs = now + options.AttemptDelayNs;
                }
            }
            else
            {
                if (!ack && s.Sides[peerSide].State == ZeekEndpointState.SynAckSent &&
                    baseSeq == s.Sides[side].StartSeq32)
                {
                    // SYN/SYN-ACK reversal: the "originator" sent the SYN+ACK; swap and establish.
                    FlipRoles(ref s);
                    SetState(ref s, peerSide, ZeekEndpointState.Established);
                }

                if (s.Sides[peerSide].State == ZeekEndpointState.SynSent)
                {
                    SetState(ref s, peerSide, ZeekEndpointState.Established);
                }

                SetState(ref s, side, ZeekEndpointState.Established);
            }
        }

        if ((flags & TcpFlags.Fin) != 0)
        {
            SetState(ref s, side, ZeekEndpointState.Closed);
            doClose = genEvent = true;
        }

        if ((flags & TcpFlags.Rst) != 0)
        {
            SetState(ref s, side, ZeekEndpointState.Reset);
            var peerState = s.Sides[peerSide].State;
            var isReject = isOrig
                ? peerState == ZeekEndpointState.Established
                : peerState is ZeekEndpointState.SynSent or ZeekEndpointState.SynAckSent;
            doClose = true;
            genEvent = !isReject;
        }

        if (s.Sides[side].State == ZeekEndpointState.Inactive)
        {
            if (!isOrig && len == 0 && s.Sides[s.OrigSide].State == ZeekEndpointState.SynSent)
            {
                // An ACK of the SYN before the SYN+ACK (some stacks do this): not a partial connection.
            }
            else if (ack && s.Sides[peerSide].State == ZeekEndpointState.Established)
            {
                // SYN+ACK seen without the SYN, now the pure ACK: establish instead of calling it partial.
                SetState(ref s, side, ZeekEndpointState.Established);
            }
            else
            {
                SetState(ref s, side, ZeekEndpointState.Partial);
            }
        }
    }

    private static void UpdateSynSent(ref ZeekSession s, int side, TcpFlags flags, ref bool doClose, ref bool genEvent)
    {
        if ((flags & TcpFlags.Fin) != 0)
        {
            SetState(ref s, side, ZeekEndpointState.Closed);
            doClose = genEvent = true;
        }

        if ((flags & TcpFlags.Rst) != 0)
        {
            SetState(ref s, side, ZeekEndpointState.Reset);
            s.IsActive = false;
            doClose = true;
        }
    }

    private static void UpdateEstablished(ref ZeekSession s, int side, TcpFlags flags, ref bool doClose, ref bool genEvent)
    {
        var peerSide = side ^ 1;
        if ((flags & TcpFlags.Syn) != 0 && s.Sides[side].State == ZeekEndpointState.Partial &&
            s.Sides[peerSide].State == ZeekEndpointState.Inactive && (flags & TcpFlags.Ack) == 0)
        {
            SetState(ref s, side, ZeekEndpointState.SynSent);
        }

        var rst = (flags & TcpFlags.Rst) != 0;
        if ((flags & TcpFlags.Fin) != 0 && !rst)
        {
            SetState(ref s, side, ZeekEndpointState.Closed);
            ref var peer = ref s.Sides[peerSide];
            if (peer.State == ZeekEndpointState.Reset && peer.PrevState == ZeekEndpointState.Closed)
            {
                // The peer sent FIN then RST: that was a normal termination after all.
                SetState(ref s, peerSide, ZeekEndpointState.Closed);
            }

            doClose = genEvent = true;
        }

        if (rst)
        {
            SetState(ref s, side, ZeekEndpointState.Reset);
            doClose = true;
            ref readonly var peer = ref s.Sides[peerSide];
            if (peer.State != ZeekEndpointState.Reset || peer.PrevState != ZeekEndpointState.Established)
            {
                s.IsActive = false;
            }
        }
    }

    /// <summary>Zeek's <c>ConnectionClosed</c>: marks the side closed and schedules removal once both are done.</summary>
    private static void ConnectionClosed(ref ZeekSession s, int side, bool genEvent, ZeekOptions options)
    {
        ref var ep = ref s.Sides[side];
        if (ep.DidClose)
        {
            return;
        }

        ep.DidClose = true;
        ref readonly var peer = ref s.Sides[side ^ 1];
        var complete = ep.State == ZeekEndpointState.Reset || peer.DidClose || peer.State == ZeekEndpointState.Inactive;
        if (complete)
        {
            if (genEvent && (ep.PrevState != ZeekEndpointState.Inactive || peer.State != ZeekEndpointState.Inactive))
            {
                s.IsActive = false;
            }

            // CancelTimers(): the attempt and expire timers go; the session's inactivity timer stays.
            s.AttemptAtNs = 0;
            s.ChainCount = 0;
            s.DeleteAtNs = s.LastNs + options.CloseDelayNs;
        }
        else if (ep.PrevState != ZeekEndpointState.Inactive)
        {
            AddChain(ref s, s.LastNs + options.SessionTimerNs);
        }
    }

    private static void AddChain(ref ZeekSession s, long at)
    {
        if (s.ChainCount < ExpireChains.Capacity)
        {
            s.Chains[s.ChainCount++] = at;
            return;
        }

        var earliest = 0;
        for (var i = 1; i < s.ChainCount; i++)
        {
            if (s.Chains[i] < s.Chains[earliest])
            {
                earliest = i;
            }
        }

        if (at < s.Chains[earliest])
        {
            s.Chains[earliest] = at;
        }
    }
}
