using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>The fifth check of RFC 9293 §3.10.7.4: the ACK field, window updates, RTT samples and congestion control.</summary>
public sealed partial class TcpConnection
{
    /// <summary>Handles SEG.ACK in ESTABLISHED and the closing states; false when the segment must be dropped.</summary>
    private bool ProcessAck(in TcpRepr seg, int payloadLength, Instant now)
    {
        var ack = seg.Ack;

        // "If the ACK acks something not yet sent (SEG.ACK > SND.NXT), then send an ACK, drop the segment, and
        // return." SND.NXT here is the highest ever sent: after a go-back-N rewind, later ACKs are still valid.
        if (ack.IsAfter(_sndMax))
        {
            _ackNow = true;
            return false;
        }

        // RFC 5961 §5.2: an ACK older than SND.UNA - MAX.SND.WND is answered with a challenge ACK and dropped.
        if (ack.IsBefore(SndUna.Add(-(int)Math.Min(_maxSndWnd, int.MaxValue))))
        {
            SendChallengeAck(now);
            return false;
        }

        var window = (uint)seg.Window << SndWindShift;
        if (ack.IsAfter(SndUna))
        {
            if (TrySampleRttFromTimestamps(seg, now))
            {
                // RTTM replaces the one-segment-at-a-time timing (RFC 7323 §4.1).
                _rttTiming = false;
            }

            OnNewAck(ack, now);
        }
        else if (ack == SndUna && IsDuplicateAck(seg, payloadLength, window))
        {
            var action = _cc.OnDuplicateAck(ack, FlightSize, _sndMax);
            if (action == CongestionAction.FastRetransmit)
            {
                _retransmitHead = true;
            }
        }

        // Window update: if SND.UNA =< SEG.ACK =< SND.NXT and (SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ and
        // SND.WL2 =< SEG.ACK)), set SND.WND <- SEG.WND, SND.WL1 <- SEG.SEQ, SND.WL2 <- SEG.ACK.
        if (ack.IsAfterOrEqual(SndUna) && (SndWl1.IsBefore(seg.Seq) || (SndWl1 == seg.Seq && SndWl2.IsBeforeOrEqual(ack))))
        {
            SndWnd = window;
            _maxSndWnd = Math.Max(_maxSndWnd, window);
            SndWl1 = seg.Seq;
            SndWl2 = ack;
            if (window > 0)
            {
                _persistDeadline = Instant.Never;
                _persistBackoff = 0;
            }
        }

        var finAcked = _finQueued && SndUna == FinSeq.Add(1u);
        switch (State)
        {
            case TcpState.FinWait1 when finAcked:
                // "In addition to the processing for the ESTABLISHED state, if the FIN segment is now acknowledged,
                // then enter FIN-WAIT-2 and continue processing in that state."
                SetState(TcpState.FinWait2, TransitionCause.AckOfFin, now);
                if (_fullClose && _config.FinWait2Timeout is { } t)
                {
                    _finWait2Deadline = now + t;
                }

                break;
            case TcpState.Closing when finAcked:
                // "If the ACK acknowledges our FIN, then enter the TIME-WAIT state; otherwise, ignore the segment."
                EnterTimeWait(TransitionCause.AckOfFin, now);
                break;
            case TcpState.LastAck when finAcked:
                // "If our FIN is now acknowledged, delete the TCB, enter the CLOSED state, and return."
                SetState(TcpState.Closed, TransitionCause.AckOfFin, now);
                return false;
        }

        return true;
    }

    /// <summary>Bytes (and SYN/FIN) sent but not acknowledged (RFC 5681 §2, FlightSize).</summary>
    private uint FlightSize => (uint)_sndMax.DistanceFrom(SndUna);

    /// <summary>The sequence number the FIN occupies (valid once the FIN is queued): right after the last data byte.</summary>
    private SeqNumber FinSeq => _bufSeq.Add((uint)_send.Length);

    private bool IsDuplicateAck(in TcpRepr seg, int payloadLength, uint window) =>
        // RFC 5681 §2, DUPLICATE ACKNOWLEDGMENT: (a) outstanding data, (b) no data, (c) neither SYN nor FIN,
        // (d) SEG.ACK = SND.UNA, (e) the window is unchanged. A zero window never counts: those are answers to
        // window probes, not signs of loss.
        FlightSize > 0 && payloadLength == 0 && (seg.Flags & (TcpFlags.Syn | TcpFlags.Fin)) == 0 && window == SndWnd && window != 0;

    private void OnNewAck(SeqNumber ack, Instant now)
    {
        var acked = (uint)ack.DistanceFrom(SndUna);

        // Release the acknowledged data bytes (the FIN is not in the buffer).
        var dataAcked = Math.Clamp(ack.DistanceFrom(_bufSeq), 0, _send.Length);
        _send.Release(dataAcked);
        _bufSeq = _bufSeq.Add((uint)dataAcked);
        SndUna = ack;
        if (SndNxt.IsBefore(ack))
        {
            SndNxt = ack;
        }

        // RFC 6298 §2 with Karn's rule: time one segment at a time and never a retransmitted one.
        if (_rttTiming && ack.IsAfterOrEqual(_rttSeq))
        {
            _rtt.Sample(now - _rttStart);
            _rttTiming = false;
        }

        if (_cc.OnNewAck(acked, ack, FlightSize) == CongestionAction.RetransmitHead)
        {
            _retransmitHead = true;
        }

        // RFC 6298 §5.2–5.3: stop the timer when everything is acknowledged, otherwise restart it.
        _rtxCount = 0;
        _rtxDeadline = SndUna == _sndMax ? Instant.Never : now + _rtt.Rto;
    }
}
