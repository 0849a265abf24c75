using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>Output: SYNs, data, FIN, ACKs and RSTs (RFC 9293 §3.8, §3.10.2), paced by the windows and Nagle.</summary>
public sealed partial class TcpConnection
{
    private SeqNumber _sndMax;
    private SeqNumber _bufSeq;
    private bool _ackNow;
    private bool _retransmitHead;
    private bool _probePending;
    private bool _userDirty;
    private TcpRepr? _pendingReset;
    private Instant _dispatchNow;

    /// <summary>Segments this connection has emitted.</summary>
    public long SegmentsSent { get; private set; }

    /// <summary>
    /// Runs expired timers and emits every segment that is due now: a pending RST, the SYN or SYN-ACK, retransmissions,
    /// new data the windows allow, a FIN, and an ACK if one is owed.
    /// </summary>
    public void Dispatch(Instant now, ISegmentSink sink)
    {
        _userDirty = false;
        _dispatchNow = now;
        RunTimers(now);
        if (_pendingReset is { } rst)
        {
            _pendingReset = null;
            Emit(sink, rst with { SourcePort = Local.Port, DestinationPort = Remote.Port }, default);
        }

        switch (State)
        {
            case TcpState.Closed or TcpState.Listen:
                return;
            case TcpState.SynSent or TcpState.SynReceived:
                if (_synPending)
                {
                    SendSyn(now, sink);
                }
                else if (_ackNow && State == TcpState.SynReceived)
                {
                    SendAck(sink);
                }

                _ackNow = false;
                return;
            case TcpState.TimeWait:
                if (_ackNow)
                {
                    SendAck(sink);
                }

                return;
        }

        SendData(now, sink);
        if (_ackNow || _delayedAckDeadline <= now)
        {
            SendAck(sink);
        }
    }

    private void SendSyn(Instant now, ISegmentSink sink)
    {
        _synPending = false;
        Emit(sink, SynSegment(now) with { SourcePort = Local.Port, DestinationPort = Remote.Port }, default);
        SndNxt = Iss.Add(1u);
        _sndMax = SeqNumber.Max(_sndMax, SndNxt);
        if (_rtxCount == 0)
        {
            _rttTiming = true;
            _rttSeq = SndNxt;
            _rttStart = now;
        }

        if (_rtxDeadline.IsNever)
        {
            _rtxDeadline = now + _rtt.Rto;
        }
    }

    private void SendData(Instant now, ISegmentSink sink)
    {
        if (_retransmitHead)
        {
            // Fast retransmit / NewReno partial ACK: one segment from SND.UNA regardless of the windows
            // (RFC 5681 §3.2 step 2, RFC 6582 §3.2 step 5).
            _retransmitHead = false;
            var len = Math.Min(SendMss, Math.Max(0, _send.Length - SndUna.DistanceFrom(_bufSeq)));
            var fin = _finQueued && SndUna.Add((uint)len) == FinSeq && SndMaxCoversFin();
            if (len > 0 || fin)
            {
                Retransmissions++;
                _rttTiming = false;
                EmitData(SndUna, len, fin, sink);
                if (_rtxDeadline.IsNever)
                {
                    _rtxDeadline = now + _rtt.Rto;
                }
            }
        }

        if (_probePending)
        {
            _probePending = false;
            SendWindowProbe(now, sink);
        }

        while (true)
        {
            var flight = (uint)SndNxt.DistanceFrom(SndUna);
            var window = Math.Min(SndWnd, _cc.Cwnd);
            var usable = window > flight ? window - flight : 0;
            var offset = SndNxt.DistanceFrom(_bufSeq);
            var available = Math.Max(0, _send.Length - offset);
            var len = (int)Math.Min((uint)Math.Min(available, SendMss), usable);
            var fin = _finQueued && SndNxt.Add((uint)len) == FinSeq && State is TcpState.FinWait1 or TcpState.Closing or TcpState.LastAck;

            if (len == 0 && !fin)
            {
                break;
            }

            // Sender SWS avoidance and Nagle (RFC 9293 §3.7.4 and §3.8.6.2.1): with data outstanding, hold a
            // segment smaller than the MSS unless it carries the FIN with all the remaining data.
            if (len < SendMss && flight > 0 && !(fin && len == available) && (_config.Nagle || len < available))
            {
                break;
            }

            var isNew = SndNxt == _sndMax;
            EmitData(SndNxt, len, fin, sink);
            SndNxt = SndNxt.Add((uint)(len + (fin ? 1 : 0)));
            if (!isNew)
            {
                Retransmissions++;
            }
            else if (!_rttTiming)
            {
                _rttTiming = true;
                _rttSeq = SndNxt;
                _rttStart = now;
            }

            _sndMax = SeqNumber.Max(_sndMax, SndNxt);

            // RFC 6298 §5.1: start the timer when a segment with data is sent and it is not running.
            if (_rtxDeadline.IsNever)
            {
                _rtxDeadline = now + _rtt.Rto;
            }
        }

        // RFC 9293 §3.8.6.1: with a zero send window, data queued and nothing in flight, the persist timer probes.
        if (SndWnd == 0 && _send.Length - SndNxt.DistanceFrom(_bufSeq) > 0 && SndNxt == SndUna && _rtxDeadline.IsNever && _persistDeadline.IsNever)
        {
            _persistDeadline = now + PersistInterval();
        }
    }

    private bool SndMaxCoversFin() => _sndMax.IsAfter(FinSeq);

    private void SendWindowProbe(Instant now, ISegmentSink sink)
    {
        // RFC 9293 §3.8.6.1: send one octet of new data past the closed window. SND.NXT does not move: if the octet
        // is accepted the ACK covers it (it is below the highest sequence sent), otherwise it is sent again later.
        var offset = SndNxt.DistanceFrom(_bufSeq);
        if (_send.Length - offset <= 0)
        {
            return;
        }

        EmitData(SndNxt, 1, false, sink);
        _sndMax = SeqNumber.Max(_sndMax, SndNxt.Add(1u));
        _ = now;
    }

    private void EmitData(SeqNumber seq, int len, bool fin, ISegmentSink sink)
    {
        var payload = _scratch.AsSpan(0, len);
        _send.Peek(seq.DistanceFrom(_bufSeq), payload);
        var flags = TcpFlags.Ack;
        if (len > 0 && seq.Add((uint)len) == FinSeq)
        {
            // RFC 9293 §3.9.1: PSH on the segment that empties the send buffer.
            flags |= TcpFlags.Psh;
        }

        if (fin)
        {
            flags |= TcpFlags.Fin;
        }

        Emit(sink, new TcpRepr
        {
            SourcePort = Local.Port,
            DestinationPort = Remote.Port,
            Seq = seq,
            Ack = RcvNxt,
            Flags = flags,
            Window = AdvertisedWindow(),
        }, payload);
    }

    // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, with SND.NXT taken as the highest sequence number sent: after a
    // go-back-N rewind the rewound SND.NXT may lie below the peer's RCV.NXT, and an ACK carrying it would fail the
    // peer's acceptability test and be ignored (both sides rewinding at once would then deadlock).
    private void SendAck(ISegmentSink sink) => Emit(sink, new TcpRepr
    {
        SourcePort = Local.Port,
        DestinationPort = Remote.Port,
        Seq = _sndMax,
        Ack = RcvNxt,
        Flags = TcpFlags.Ack,
        Window = AdvertisedWindow(),
    }, default);

    private void Emit(ISegmentSink sink, in TcpRepr seg, ReadOnlySpan<byte> payload)
    {
        SegmentsSent++;
        if ((seg.Flags & TcpFlags.Ack) != 0)
        {
            // Every ACK sent carries RCV.NXT, so any owed or delayed acknowledgment is now paid.
            _ackNow = false;
            _unackedSegments = 0;
            _delayedAckDeadline = Instant.Never;
        }

        sink.Send(WithOptions(seg, payload.Length, _dispatchNow), payload);
    }

    private ushort AdvertisedWindow()
    {
        // RFC 9293 §3.8.6.2.2 (receiver SWS avoidance): move the right edge only by at least
        // min(RCV.BUFF / 2, Eff.snd.MSS); never shrink it (RFC 9293 §3.8.6, RFC 7323 §2.4).
        var free = (uint)_recv.Window;
        var edge = RcvNxt.Add(free);
        if (edge.DistanceFrom(_rcvEdge) >= Math.Min(_recv.Capacity / 2, SendMss) || _rcvEdge.IsBefore(RcvNxt))
        {
            _rcvEdge = edge;
        }

        var wnd = (uint)Math.Max(0, _rcvEdge.DistanceFrom(RcvNxt));
        return (ushort)Math.Min(wnd >> RcvWindShift, ushort.MaxValue);
    }
}
