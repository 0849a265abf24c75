using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>The seventh and eighth checks of RFC 9293 §3.10.7.4: segment text (with reassembly) and the FIN bit.</summary>
public sealed partial class TcpConnection
{
    /// <summary>Out-of-order segments received (queued past a gap).</summary>
    public long OutOfOrderSegments { get; private set; }

    /// <param name="seg">The segment, with <c>Seq</c> already moved past any SYN.</param>
    /// <param name="payload">The text.</param>
    /// <param name="now">Current time.</param>
    private void ProcessText(in TcpRepr seg, ReadOnlySpan<byte> payload, Instant now)
    {
        // The FIN occupies the sequence number right after the last octet of text.
        var finSeq = seg.Seq.Add((uint)payload.Length);
        if (!payload.IsEmpty && State is TcpState.Established or TcpState.FinWait1 or TcpState.FinWait2)
        {
            // Trim what lies before RCV.NXT (already received); the reassembly buffer cuts what lies past the window.
            var offset = seg.Seq.DistanceFrom(RcvNxt);
            if (offset < 0)
            {
                payload = -offset >= payload.Length ? default : payload[(-offset)..];
                offset = 0;
            }

            if (payload.IsEmpty)
            {
                // A complete duplicate: acknowledge at once so the peer stops retransmitting.
                _ackNow = true;
            }
            else
            {
                var hadGaps = _recv.HasGaps;
                var advance = _recv.Write(offset, payload);
                RcvNxt = RcvNxt.Add((uint)advance);
                if (offset > 0 || hadGaps)
                {
                    // RFC 5681 §4.2: out-of-order segments, and segments that fill a gap, are acknowledged immediately.
                    if (offset > 0)
                    {
                        OutOfOrderSegments++;
                        NoteOutOfOrder(RcvNxt.Add((uint)offset));
                    }

                    _ackNow = true;
                }
                else if (!_config.DelayedAck || ++_unackedSegments >= 2)
                {
                    // RFC 9293 §3.8.6.3 / RFC 5681 §4.2: ACK at least every second full-sized segment.
                    _ackNow = true;
                }
                else if (_delayedAckDeadline.IsNever)
                {
                    _delayedAckDeadline = now + _config.AckDelay;
                }
            }
        }

        // Eighth: the FIN bit. Only a FIN at RCV.NXT (after the text) takes effect; a FIN past a gap waits.
        if ((seg.Flags & TcpFlags.Fin) != 0 && State is not (TcpState.Closed or TcpState.Listen or TcpState.SynSent))
        {
            _remoteFinSeq ??= finSeq;
        }

        if (_remoteFinSeq is { } fin && fin == RcvNxt && !RemoteClosed)
        {
            ProcessFin(now);
        }
        else if (_remoteFinSeq is not null && !RemoteClosed)
        {
            _ackNow = true;
        }
    }

    private void ProcessFin(Instant now)
    {
        // "Advance RCV.NXT over the FIN, and send an acknowledgment for the FIN."
        RcvNxt = RcvNxt.Add(1u);
        RemoteClosed = true;
        _ackNow = true;
        switch (State)
        {
            case TcpState.SynReceived or TcpState.Established:
                SetState(TcpState.CloseWait, TransitionCause.FinReceived, now);
                break;
            case TcpState.FinWait1:
                // "If our FIN has been ACKed (perhaps in this segment), then enter TIME-WAIT ...; otherwise, enter CLOSING."
                if (_finQueued && SndUna == FinSeq.Add(1u))
                {
                    EnterTimeWait(TransitionCause.FinReceived, now);
                }
                else
                {
                    SetState(TcpState.Closing, TransitionCause.FinReceived, now);
                }

                break;
            case TcpState.FinWait2:
                EnterTimeWait(TransitionCause.FinReceived, now);
                break;
            case TcpState.TimeWait:
                _timeWaitDeadline = now + (_config.Msl * 2);
                break;
        }
    }

    private void EnterTimeWait(TransitionCause cause, Instant now)
    {
        SetState(TcpState.TimeWait, cause, now);

        // RFC 9293 §3.10.7.4: "Start the time-wait timer, turn off the other timers."
        _timeWaitDeadline = now + (_config.Msl * 2);
    }
}
