using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>Timeouts (RFC 9293 §3.10.8): retransmission, persist, delayed ACK, TIME-WAIT and FIN-WAIT-2.</summary>
public sealed partial class TcpConnection
{
    private Instant _rtxDeadline = Instant.Never;
    private Instant _persistDeadline = Instant.Never;
    private Instant _delayedAckDeadline = Instant.Never;
    private Instant _timeWaitDeadline = Instant.Never;
    private Instant _finWait2Deadline = Instant.Never;
    private int _rtxCount;
    private int _persistBackoff;
    private bool _rttTiming;
    private SeqNumber _rttSeq;
    private Instant _rttStart;

    /// <summary>The earliest instant a timer needs <see cref="Dispatch"/>, or <see cref="Instant.Never"/>.</summary>
    public Instant NextDeadline
    {
        get
        {
            var d = Instant.Min(_rtxDeadline, _persistDeadline);
            d = Instant.Min(d, _delayedAckDeadline);
            d = Instant.Min(d, State == TcpState.TimeWait ? _timeWaitDeadline : Instant.Never);
            return Instant.Min(d, State == TcpState.FinWait2 ? _finWait2Deadline : Instant.Never);
        }
    }

    /// <summary>True when a user call or an arriving segment left work for <see cref="Dispatch"/> that no timer covers.</summary>
    public bool HasPendingOutput => _ackNow || _synPending || _pendingReset.HasValue || _retransmitHead || _probePending || _userDirty;

    private void RunTimers(Instant now)
    {
        if (State == TcpState.TimeWait && _timeWaitDeadline <= now)
        {
            // RFC 9293 §3.10.8: "If the time-wait timeout expires on a connection, delete the TCB, enter the CLOSED state."
            SetState(TcpState.Closed, TransitionCause.TimeWaitExpired, now);
            return;
        }

        if (State == TcpState.FinWait2 && _finWait2Deadline <= now)
        {
            SetState(TcpState.Closed, TransitionCause.FinWait2Timeout, now);
            return;
        }

        if (_rtxDeadline <= now)
        {
            OnRetransmissionTimeout(now);
        }

        if (_persistDeadline <= now)
        {
            // RFC 9293 §3.8.6.1: probe, and back off like the retransmission timer; never give up while the
            // peer keeps answering.
            _probePending = true;
            _persistBackoff = Math.Min(_persistBackoff + 1, 10);
            _persistDeadline = now + PersistInterval();
        }
    }

    private void OnRetransmissionTimeout(Instant now)
    {
        _rtxCount++;
        Retransmissions++;

        // Karn's rule (RFC 6298 §3): a retransmitted segment yields no RTT sample.
        _rttTiming = false;
        var limit = State is TcpState.SynSent or TcpState.SynReceived ? _config.MaxSynRetransmissions : _config.MaxRetransmissions;
        if (_rtxCount > limit)
        {
            // RFC 9293 §3.8.3: R2 reached: close the connection, telling the peer when it is synchronized.
            if (State is not (TcpState.SynSent or TcpState.Listen))
            {
                _pendingReset = new TcpRepr { Seq = SndNxt, Flags = TcpFlags.Rst };
            }

            Error = TcpError.TimedOut;
            SetState(TcpState.Closed, TransitionCause.RetransmissionTimeout, now);
            return;
        }

        // RFC 6298 §5.5–5.6: back off and restart the timer.
        _rtt.Backoff();
        _rtxDeadline = now + _rtt.Rto;
        if (State is TcpState.SynSent or TcpState.SynReceived)
        {
            _synPending = true;
            return;
        }

        // RFC 5681 §3.1: collapse the congestion window; go back to SND.UNA and resend from there.
        _cc.OnRetransmissionTimeout(FlightSize, _sndMax);
        SndNxt = SndUna;
        _retransmitHead = false;
    }

    private TimeSpan PersistInterval()
    {
        var t = _rtt.Rto * (1 << _persistBackoff);
        return t > _config.MaxRto ? _config.MaxRto : t;
    }
}
