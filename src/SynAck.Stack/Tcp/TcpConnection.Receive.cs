using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>SEGMENT ARRIVES in the synchronized states and SYN-RECEIVED (RFC 9293 §3.10.7.4), in the RFC's order of checks.</summary>
public sealed partial class TcpConnection
{
    private SeqNumber _rcvEdge;
    private SeqNumber? _remoteFinSeq;
    private int _unackedSegments;
    private uint _maxSndWnd;

    /// <summary>Segments that failed the acceptability test (RFC 9293 §3.10.7.4, first check).</summary>
    public long UnacceptableSegments { get; private set; }

    /// <summary>
    /// SEGMENT ARRIVES (RFC 9293 §3.10.7): processes one segment addressed to this connection. Replies (ACKs, RSTs,
    /// SYN-ACKs) are queued for the next <see cref="Dispatch"/>.
    /// </summary>
    public void Process(in TcpRepr seg, ReadOnlySpan<byte> payload, Instant now)
    {
        switch (State)
        {
            case TcpState.Closed:
                ProcessClosed(seg, payload.Length);
                break;
            case TcpState.Listen:
                ProcessListen(seg, now);
                break;
            case TcpState.SynSent:
                ProcessSynSent(seg, payload, now);
                break;
            default:
                ProcessSynchronized(seg, payload, now);
                break;
        }
    }

    private void ProcessSynchronized(in TcpRepr seg, ReadOnlySpan<byte> payload, Instant now)
    {
        var flags = seg.Flags;
        var segLen = SegmentLength(seg, payload.Length);
        var wnd = RcvWnd;

        if (State == TcpState.SynReceived && (flags & (TcpFlags.Syn | TcpFlags.Ack | TcpFlags.Rst)) == TcpFlags.Syn && seg.Seq == Irs)
        {
            // The peer retransmitted its SYN, so our SYN-ACK was lost: send it again now rather than waiting for
            // our own retransmission timer.
            _synPending = true;
            return;
        }

        // RFC 7323 §5.3: PAWS runs before the acceptability test.
        if (FailsPaws(seg))
        {
            return;
        }

        // First: the sequence number (the four-case acceptability test).
        if (!IsAcceptable(seg.Seq, segLen, wnd))
        {
            // "Special allowance should be made to accept valid ACKs, URG, and RST bits" with a zero window: a
            // segment at exactly RCV.NXT (a zero-window probe) has its ACK processed and its text dropped.
            var zeroWindowProbe = wnd == 0 && seg.Seq == RcvNxt;
            if (!zeroWindowProbe)
            {
                UnacceptableSegments++;
                if ((flags & TcpFlags.Rst) == 0)
                {
                    // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, then drop.
                    _ackNow = true;
                    if (State == TcpState.TimeWait && (flags & TcpFlags.Fin) != 0)
                    {
                        // A retransmitted FIN in TIME-WAIT: ACK it and restart the 2·MSL timer (eighth check).
                        _timeWaitDeadline = now + (_config.Msl * 2);
                    }
                }

                return;
            }

            _ackNow = true;
            payload = default;
            flags &= ~TcpFlags.Fin;
        }

        UpdateTsRecent(seg);

        // Second: the RST bit (RFC 5961 §3.2 as adopted by RFC 9293).
        if ((flags & TcpFlags.Rst) != 0)
        {
            ProcessReset(seg, now);
            return;
        }

        // Fourth: the SYN bit.
        if ((flags & TcpFlags.Syn) != 0)
        {
            if (State == TcpState.SynReceived && IsPassive)
            {
                // RFC 9293 §3.10.7.4, fourth check: a passive connection returns to LISTEN.
                SetState(TcpState.Listen, TransitionCause.ResetReceived, now);
                return;
            }

            // RFC 5961 §4.2: answer any SYN in a synchronized state with a challenge ACK and drop it.
            SendChallengeAck(now);
            return;
        }

        // Fifth: the ACK field. A segment without ACK is dropped.
        if ((flags & TcpFlags.Ack) == 0)
        {
            return;
        }

        if (State == TcpState.SynReceived)
        {
            // If SND.UNA < SEG.ACK =< SND.NXT: ESTABLISHED, and continue; otherwise <SEQ=SEG.ACK><CTL=RST>.
            if (!(SndUna.IsBefore(seg.Ack) && seg.Ack.IsBeforeOrEqual(SndNxt)))
            {
                _pendingReset = new TcpRepr { Seq = seg.Ack, Flags = TcpFlags.Rst };
                return;
            }

            AcknowledgeSyn(seg.Ack, now);
            SndWnd = (uint)seg.Window << SndWindShift;
            _maxSndWnd = Math.Max(_maxSndWnd, SndWnd);
            SndWl1 = seg.Seq;
            SndWl2 = seg.Ack;
            SetState(TcpState.Established, TransitionCause.AckOfSyn, now);
            if (_closeAfterEstablished)
            {
                ShutdownWrite(now);
            }
        }

        if (!ProcessAck(seg, payload.Length, now))
        {
            return;
        }

        if (State == TcpState.Closed)
        {
            return;
        }

        // Sixth (URG) is not supported: urgent data is delivered in line (RFC 6093 §4 recommends against new uses).
        // Seventh and eighth: segment text and FIN.
        var dataSeq = (flags & TcpFlags.Syn) != 0 ? seg.Seq.Add(1u) : seg.Seq;
        ProcessText(seg with { Seq = dataSeq, Flags = flags }, payload, now);
    }

    private bool IsAcceptable(SeqNumber seq, int segLen, uint wnd)
    {
        // RFC 9293 §3.10.7.4, the four cases of the acceptability test:
        //   len 0, wnd 0:  SEG.SEQ = RCV.NXT
        //   len 0, wnd >0: RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
        //   len >0, wnd 0: not acceptable
        //   len >0, wnd >0: the first or the last octet of the segment lies in the window.
        if (segLen == 0)
        {
            return wnd == 0 ? seq == RcvNxt : seq.InWindow(RcvNxt, wnd);
        }

        return wnd != 0 && (seq.InWindow(RcvNxt, wnd) || seq.Add((uint)(segLen - 1)).InWindow(RcvNxt, wnd));
    }

    private void ProcessReset(in TcpRepr seg, Instant now)
    {
        if (State == TcpState.TimeWait)
        {
            // RFC 1337 §3 (TIME-WAIT assassination hazards): ignore RST segments in TIME-WAIT.
            return;
        }

        if (seg.Seq != RcvNxt)
        {
            // RFC 5961 §3.2: in the window but not exactly RCV.NXT: challenge ACK, drop.
            SendChallengeAck(now);
            return;
        }

        switch (State)
        {
            case TcpState.SynReceived when IsPassive:
                // "If this connection was initiated with a passive OPEN, then return this connection to the LISTEN state."
                SetState(TcpState.Listen, TransitionCause.ResetReceived, now);
                break;
            case TcpState.SynReceived:
                // Active OPEN: "connection refused".
                Error = TcpError.ConnectionRefused;
                SetState(TcpState.Closed, TransitionCause.ResetReceived, now);
                break;
            case TcpState.Established or TcpState.FinWait1 or TcpState.FinWait2 or TcpState.CloseWait:
                // "Any outstanding RECEIVEs and SEND should receive 'reset' responses ... enter the CLOSED state."
                Error = TcpError.ConnectionReset;
                SetState(TcpState.Closed, TransitionCause.ResetReceived, now);
                break;
            default:
                // CLOSING, LAST-ACK: "enter the CLOSED state, delete the TCB, and return."
                SetState(TcpState.Closed, TransitionCause.ResetReceived, now);
                break;
        }
    }

    private void SendChallengeAck(Instant now)
    {
        // RFC 5961 §3.2/§4.2/§5.2: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, subject to the §7 rate limit.
        if (_challengeLimiter.TryTake(now))
        {
            _ackNow = true;
        }
    }
}
