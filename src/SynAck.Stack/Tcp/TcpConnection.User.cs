using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>User calls: OPEN, SEND, RECEIVE, CLOSE, ABORT (RFC 9293 §3.10.1–§3.10.5).</summary>
public sealed partial class TcpConnection
{
    private bool _finQueued;
    private bool _fullClose;
    private bool _closeAfterEstablished;

    /// <summary>Active OPEN (RFC 9293 §3.10.1): picks <paramref name="iss"/> and queues the SYN; CLOSED → SYN-SENT.</summary>
    public void OpenActive(SeqNumber iss, Instant now)
    {
        RequireState(TcpState.Closed);
        InitializeSendSequence(iss);
        _synPending = true;
        SetState(TcpState.SynSent, TransitionCause.ActiveOpen, now);
    }

    /// <summary>Passive OPEN (RFC 9293 §3.10.1): CLOSED → LISTEN; the SYN that arrives next uses <paramref name="iss"/>.</summary>
    public void OpenPassive(SeqNumber iss, Instant now)
    {
        RequireState(TcpState.Closed);
        IsPassive = true;
        InitializeSendSequence(iss);
        SetState(TcpState.Listen, TransitionCause.PassiveOpen, now);
    }

    /// <summary>SEND (RFC 9293 §3.10.2): queues as much of <paramref name="data"/> as fits and returns the count; 0 when sending is over.</summary>
    public int Send(ReadOnlySpan<byte> data)
    {
        if (!CanSend)
        {
            return 0;
        }

        var n = _send.Enqueue(data);
        _userDirty |= n > 0;
        return n;
    }

    /// <summary>RECEIVE (RFC 9293 §3.10.3): copies buffered in-order bytes; a window update is queued when the window opened enough.</summary>
    public int Receive(Span<byte> dest)
    {
        var n = _recv.Read(dest);
        if (n > 0 && State is TcpState.Established or TcpState.FinWait1 or TcpState.FinWait2)
        {
            // RFC 9293 §3.8.6.2.2 (receiver SWS avoidance): announce the window once the right edge can move by
            // at least min(RCV.BUFF / 2, Eff.snd.MSS).
            var edge = RcvNxt.Add((uint)_recv.Window);
            if (edge.DistanceFrom(_rcvEdge) >= Math.Min(_recv.Capacity / 2, SendMss))
            {
                _ackNow = true;
            }
        }

        return n;
    }

    /// <summary>CLOSE (RFC 9293 §3.10.4): no more data from this side; the FIN follows the queued data.</summary>
    public void Close(Instant now)
    {
        _fullClose = true;
        ShutdownWrite(now);
    }

    /// <summary>Half-close: sends FIN after the queued data but keeps receiving (RFC 9293 §3.10.4; the connection remains open for receiving).</summary>
    public void ShutdownWrite(Instant now)
    {
        _userDirty = true;
        switch (State)
        {
            case TcpState.Listen:
            case TcpState.SynSent:
                // RFC 9293 §3.10.4: delete the TCB; any outstanding calls return "closing".
                SetState(TcpState.Closed, TransitionCause.Close, now);
                break;
            case TcpState.SynReceived:
                // RFC 9293 §3.10.4: the FIN goes out once ESTABLISHED is reached (our SYN must be acked first).
                _closeAfterEstablished = true;
                break;
            case TcpState.Established:
                _finQueued = true;
                SetState(TcpState.FinWait1, TransitionCause.Close, now);
                break;
            case TcpState.CloseWait:
                _finQueued = true;
                SetState(TcpState.LastAck, TransitionCause.Close, now);
                break;
            default:
                // FIN-WAIT-1/2, CLOSING, LAST-ACK, TIME-WAIT, CLOSED: already closing ("connection closing").
                break;
        }

        if (_fullClose && State == TcpState.FinWait2 && _config.FinWait2Timeout is { } t)
        {
            _finWait2Deadline = now + t;
        }
    }

    /// <summary>ABORT (RFC 9293 §3.10.5): a RST for synchronized states, then CLOSED; queued data is discarded.</summary>
    public void Abort(Instant now)
    {
        if (State is TcpState.SynReceived or TcpState.Established or TcpState.FinWait1 or TcpState.FinWait2 or TcpState.CloseWait)
        {
            // <SEQ=SND.NXT><CTL=RST>
            _pendingReset = new TcpRepr { Seq = SndNxt, Flags = TcpFlags.Rst };
        }

        if (State != TcpState.Closed)
        {
            Error = TcpError.Aborted;
            SetState(TcpState.Closed, TransitionCause.Abort, now);
        }
    }

    private void InitializeSendSequence(SeqNumber iss)
    {
        Iss = iss;
        _tsOffset = iss.Value;
        SndUna = iss;
        SndNxt = iss;
        _sndMax = iss;
        _bufSeq = iss.Add(1u);
    }

    private void RequireState(TcpState expected)
    {
        if (State != expected)
        {
            ThrowHelper.ThrowInvalidState(State, expected);
        }
    }
}
