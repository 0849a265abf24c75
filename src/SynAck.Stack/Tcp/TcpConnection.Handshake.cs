using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>The handshake: SEGMENT ARRIVES in CLOSED, LISTEN and SYN-SENT (RFC 9293 §3.10.7.1–§3.10.7.3), and option negotiation.</summary>
public sealed partial class TcpConnection
{
    private bool _synPending;
    private byte _rcvShiftOffer;
    private bool _peerOfferedWindowScale;
    private byte _peerWindowShift;

    /// <summary>The reply RFC 9293 §3.10.7.1 prescribes for a segment that finds no connection; null for a RST.</summary>
    public static TcpRepr? ResetFor(in TcpRepr seg, int payloadLength)
    {
        if ((seg.Flags & TcpFlags.Rst) != 0)
        {
            // "An incoming segment containing a RST is discarded."
            return null;
        }

        if ((seg.Flags & TcpFlags.Ack) != 0)
        {
            // "<SEQ=SEG.ACK><CTL=RST>"
            return new TcpRepr
            {
                SourcePort = seg.DestinationPort,
                DestinationPort = seg.SourcePort,
                Seq = seg.Ack,
                Flags = TcpFlags.Rst,
            };
        }

        // "<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>"
        return new TcpRepr
        {
            SourcePort = seg.DestinationPort,
            DestinationPort = seg.SourcePort,
            Seq = new SeqNumber(0),
            Ack = seg.Seq.Add((uint)SegmentLength(seg, payloadLength)),
            Flags = TcpFlags.Rst | TcpFlags.Ack,
        };
    }

    /// <summary>SEG.LEN: payload octets plus one each for SYN and FIN (RFC 9293 §3.4).</summary>
    public static int SegmentLength(in TcpRepr seg, int payloadLength) =>
        payloadLength + ((seg.Flags & TcpFlags.Syn) != 0 ? 1 : 0) + ((seg.Flags & TcpFlags.Fin) != 0 ? 1 : 0);

    private void ProcessClosed(in TcpRepr seg, int payloadLength)
    {
        // RFC 9293 §3.10.7.1: all data is discarded; anything but a RST is answered with a RST.
        if (ResetFor(seg, payloadLength) is { } rst)
        {
            _pendingReset = rst;
        }
    }

    private void ProcessListen(in TcpRepr seg, Instant now)
    {
        // RFC 9293 §3.10.7.2, first: an incoming RST is ignored.
        if ((seg.Flags & TcpFlags.Rst) != 0)
        {
            return;
        }

        // Second: any acknowledgment is bad in LISTEN: <SEQ=SEG.ACK><CTL=RST>.
        if ((seg.Flags & TcpFlags.Ack) != 0)
        {
            _pendingReset = new TcpRepr { Seq = seg.Ack, Flags = TcpFlags.Rst };
            return;
        }

        // Third: a SYN. RCV.NXT = SEG.SEQ+1, IRS = SEG.SEQ; send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>.
        // Data carried on the SYN is not queued: it is left unacknowledged, so the peer sends it again.
        if ((seg.Flags & TcpFlags.Syn) != 0)
        {
            Irs = seg.Seq;
            RcvNxt = seg.Seq.Add(1u);
            _rcvEdge = RcvNxt;
            ApplySynOptions(seg, answering: true);

            // RFC 7323 §2.2: the window field of a SYN is never scaled.
            SndWnd = seg.Window;
            SndWl1 = seg.Seq;
            SndWl2 = seg.Ack;
            _synPending = true;
            SetState(TcpState.SynReceived, TransitionCause.SynReceived, now);
        }

        // Fourth: other control or text-bearing segments are dropped.
    }

    private void ProcessSynSent(in TcpRepr seg, ReadOnlySpan<byte> payload, Instant now)
    {
        var hasAck = (seg.Flags & TcpFlags.Ack) != 0;
        var hasRst = (seg.Flags & TcpFlags.Rst) != 0;

        // RFC 9293 §3.10.7.3, first: check the ACK bit. SEG.ACK =< ISS or SEG.ACK > SND.NXT is unacceptable:
        // send <SEQ=SEG.ACK><CTL=RST> (unless the RST bit is set) and discard.
        if (hasAck && (seg.Ack.IsBeforeOrEqual(Iss) || seg.Ack.IsAfter(SndNxt)))
        {
            if (!hasRst)
            {
                _pendingReset = new TcpRepr { Seq = seg.Ack, Flags = TcpFlags.Rst };
            }

            return;
        }

        // Second: the RST bit. Acceptable only with an ACK acknowledging the SYN (RFC 5961 §3.2 for SYN-SENT):
        // "error: connection reset" (refused), enter CLOSED. A RST without ACK is dropped.
        if (hasRst)
        {
            if (hasAck)
            {
                Error = TcpError.ConnectionRefused;
                SetState(TcpState.Closed, TransitionCause.ResetReceived, now);
            }

            return;
        }

        // Fourth: the SYN bit (the ACK, if any, is acceptable by now).
        if ((seg.Flags & TcpFlags.Syn) == 0)
        {
            // Fifth: neither SYN nor RST: drop.
            return;
        }

        Irs = seg.Seq;
        RcvNxt = seg.Seq.Add(1u);
        _rcvEdge = RcvNxt;
        ApplySynOptions(seg, answering: false);
        SndWnd = seg.Window;
        SndWl1 = seg.Seq;
        SndWl2 = seg.Ack;

        if (hasAck)
        {
            // SND.UNA = SEG.ACK; our SYN is acknowledged: ESTABLISHED, send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>.
            AcknowledgeSyn(seg.Ack, now);
            SetState(TcpState.Established, TransitionCause.SynAckReceived, now);
            _ackNow = true;

            // "If there are other controls or text in the segment, then continue processing at the sixth step."
            ProcessText(seg with { Seq = seg.Seq.Add(1u) }, payload, now);
            return;
        }

        // Simultaneous open: SYN-RECEIVED, send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>.
        _synPending = true;
        _rtxDeadline = Instant.Never;
        SetState(TcpState.SynReceived, TransitionCause.SimultaneousOpen, now);
    }

    private void AcknowledgeSyn(SeqNumber ack, Instant now)
    {
        SndUna = ack;
        if (SndNxt.IsBefore(ack))
        {
            SndNxt = ack;
        }

        if (_rttTiming && _rtxCount == 0)
        {
            // Karn's rule (RFC 6298 §3): only a SYN sent once yields a sample.
            _rtt.Sample(now - _rttStart);
        }
        else if (_rtxCount > 0)
        {
            _rtt.ResetAfterSynTimeout();
        }

        _rttTiming = false;
        _rtxCount = 0;
        _rtxDeadline = Instant.Never;
    }

    private void ApplySynOptions(in TcpRepr seg, bool answering)
    {
        // RFC 9293 §3.7.1 / RFC 6691: Eff.snd.MSS = min(SendMSS, MMS_S - headers); without the option, the default.
        var remoteMss = seg.Mss is { } m && m > 0 ? m : _defaultRemoteMss;
        ApplySynTimestamps(seg);
        ApplySynSack(seg);

        // The MSS excludes TCP options (RFC 6691 §2), so with timestamps each segment carries 12 bytes less data.
        SendMss = Math.Max(1, Math.Min(remoteMss, _localMss) - (TimestampsEnabled ? 12 : 0));
        _cc = new NewReno(SendMss);
        if (_scratch.Length < SendMss)
        {
            _scratch = new byte[SendMss];
        }

        // RFC 7323 §2.2–2.3: scaling is on only when both SYNs carry the option; shifts above 14 are treated as 14.
        _peerOfferedWindowScale = seg.WindowScale.HasValue;
        _peerWindowShift = Math.Min(seg.WindowScale ?? (byte)0, (byte)14);
        var enabled = _config.WindowScaling && _peerOfferedWindowScale;
        if (answering && !enabled)
        {
            _rcvShiftOffer = 0;
        }

        SndWindShift = enabled ? _peerWindowShift : (byte)0;
        RcvWindShift = enabled ? _rcvShiftOffer : (byte)0;
    }

    private TcpRepr SynSegment(Instant now)
    {
        var synAck = State == TcpState.SynReceived;

        // RFC 7323 §3.2: a SYN may offer timestamps; a SYN-ACK carries them only when the SYN did.
        var offerTimestamps = _config.Timestamps && (!synAck || _peerOfferedTimestamps);

        // RFC 7323 §2.2: the window in a SYN or SYN-ACK is unscaled. A SYN-ACK carries the option only when the
        // SYN did (RFC 7323 §1.3).
        var offerScale = _config.WindowScaling && (!synAck || _peerOfferedWindowScale);
        return new TcpRepr
        {
            Seq = Iss,
            Ack = synAck ? RcvNxt : default,
            Flags = synAck ? TcpFlags.Syn | TcpFlags.Ack : TcpFlags.Syn,
            Window = (ushort)Math.Min(_recv.Window, ushort.MaxValue),
            Mss = (ushort)Math.Min(_localMss, ushort.MaxValue),
            WindowScale = offerScale ? _rcvShiftOffer : null,
            Timestamps = offerTimestamps ? (TsVal(now), synAck ? _tsRecent : 0u) : null,

            // RFC 2018 §2: SACK-permitted on a SYN-ACK only when the SYN carried it.
            SackPermitted = _config.Sack && (!synAck || _peerOfferedSack),
        };
    }
}
