using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Zeek;

public static partial class ZeekTcpAnalyzer
{
    /// <summary>
    /// Processes one segment from physical <paramref name="side"/> the way Zeek's <c>TCPSessionAdapter::Process</c>
    /// does, then counts it as the ConnSize analyzer would. Checksum handling is the caller's (see
    /// <see cref="ChecksumError"/>).
    /// </summary>
    public static void Process(ref ZeekSession s, int side, in TcpSegment seg, ZeekOptions options)
    {
        var now = seg.TimestampNanos;
        var flags = seg.Flags;
        var syn = (flags & TcpFlags.Syn) != 0;
        var fin = (flags & TcpFlags.Fin) != 0;
        var rst = (flags & TcpFlags.Rst) != 0;
        var ack = (flags & TcpFlags.Ack) != 0;
        var isOrig = side == s.OrigSide; // Zeek keeps this value even if the roles flip below.
        var peerSide = side ^ 1;
        var baseSeq = seg.Seq.Value;
        var ackSeq = seg.Ack.Value;
        var len = seg.PayloadLength;

        // get_segment_len: SYN and FIN take one sequence number each; a RST's payload is not stream data.
        var segLen = len + (syn ? 1 : 0) + (fin ? 1 : 0);
        if (rst)
        {
            segLen -= len;
        }

        var seqOnePast = unchecked(baseSeq + (uint)segLen);
        SetPartialStatus(ref s, isOrig, syn, (flags & TcpFlags.Ack) != 0);
        InitEndpoint(ref s.Sides[side], syn, baseSeq, seqOnePast);

        ref var ep = ref s.Sides[side];
        ref var peer = ref s.Sides[peerSide];
        var relSeq = ep.RelativeSeq(baseSeq, ep.LastSeq, ep.SeqWraps, out var seqUnderflow);

        UpdateHistory(ref s, side, flags, relSeq, len);

        // update_window: a zero window is noted unless it rides on a RST, follows the peer's close or our reset.
        if (seg.Window == 0 && !rst && peer.State != ZeekEndpointState.Closed && ep.State != ZeekEndpointState.Reset)
        {
            s.History.Scaled(side == s.OrigSide ? 'W' : 'w', ref ep.ZeroWindowCount, ref ep.ZeroWindowThreshold);
        }

        if (!s.Sides[0].DidClose || !s.Sides[1].DidClose)
        {
            s.LastNs = now;
        }

        if (fin)
        {
            ep.FinCount++;
            ep.FinSeqRel = relSeq + (ulong)segLen;
        }

        if (rst)
        {
            ep.RstCount++;
        }

        ulong relAck = 0;
        if (ack)
        {
            if (peer.State == ZeekEndpointState.Inactive)
            {
                // init_peer: number the silent peer's stream as if its SYN had been seen.
                relAck = 1;
                var start = unchecked(ackSeq - 1);
                peer.StartSeq = start;
                peer.AckSeq = start;
                peer.LastSeq = start;
            }
            else
            {
                relAck = peer.RelativeSeq(ackSeq, peer.AckSeq, peer.AckWraps, out var ackUnderflow);
                if (ackUnderflow)
                {
                    relAck = 0;
                }
                else if (!rst)
                {
                    var deltaAck = unchecked((int)(ackSeq - peer.AckSeq));
                    if (!(ackSeq == 0 && deltaAck > TooLargeSeqDelta) && deltaAck > 0)
                    {
                        peer.UpdateAckSeq(ackSeq);
                    }
                }
            }
        }

        UpdateLastSeq(ref s, side, seqOnePast, flags, len);

        var doClose = false;
        var genEvent = false;
        UpdateStateMachine(ref s, side, isOrig, baseSeq, len, flags, now, options, ref doClose, ref genEvent);

        if (ack)
        {
            AckReceived(ref s, peerSide, relAck);
        }

        var relDataSeq = syn ? relSeq + 1 : relSeq;
        if (len > 0 && !seg.PayloadTruncated && !rst && !seqUnderflow)
        {
            DataSent(ref s.Sides[side], relDataSeq, (ulong)len);
        }

        if (doClose)
        {
            ConnectionClosed(ref s, side, genEvent, options);
        }

        // ConnSize: counted after the state update, under the endpoint's current role (physical side).
        ref var counted = ref s.Sides[side];
        counted.Packets++;
        counted.IpBytes += (ulong)seg.IpLength;
    }

    private static void InitEndpoint(ref ZeekEndpoint ep, bool syn, uint firstSeq, uint lastSeq)
    {
        switch (ep.State)
        {
            case ZeekEndpointState.Inactive:
                if (syn)
                {
                    ep.SetStartAndAck(firstSeq);
                }
                else
                {
                    // A partial connection: number as though a SYN had been seen, and don't call the first
                    // packet a duplicate.
                    ep.SetStartAndAck(unchecked(firstSeq - 1));
                    lastSeq = firstSeq;
                }

                ep.LastSeq = lastSeq;
                break;

            case ZeekEndpointState.SynSent or ZeekEndpointState.SynAckSent:
                if (syn && firstSeq != ep.StartSeq32)
                {
                    ep.SetStartAndAck(firstSeq);
                    ep.LastSeq = lastSeq;
                }

                break;

            case ZeekEndpointState.Established or ZeekEndpointState.Partial:
                if (syn)
                {
                    ep.SetStartAndAck(firstSeq);
                    ep.LastSeq = lastSeq;
                }

                break;

            case ZeekEndpointState.Reset:
                if (syn && ep.PrevState == ZeekEndpointState.Inactive)
                {
                    ep.SetStartAndAck(firstSeq);
                    ep.LastSeq = lastSeq;
                }

                break;
        }
    }

    private static void UpdateHistory(ref ZeekSession s, int side, TcpFlags flags, ulong relSeq, int len)
    {
        var syn = (flags & TcpFlags.Syn) != 0;
        var fin = (flags & TcpFlags.Fin) != 0;
        var rst = (flags & TcpFlags.Rst) != 0;
        var bits = (syn ? 1 : 0) + (fin ? 1 : 0) + (rst ? 1 : 0);
        if (bits > 1)
        {
            if (fin && rst)
            {
                CheckHistory(ref s, side, HistFinRst, 'I');
            }
            else
            {
                CheckHistory(ref s, side, HistMultiFlag, 'Q');
            }
        }
        else if (bits == 1)
        {
            if (syn)
            {
                var code = (flags & TcpFlags.Ack) != 0 ? 'H' : 'S';
                if (CheckHistory(ref s, side, HistSyn, code) && relSeq != s.Sides[side].HistLastSyn)
                {
                    AddHistory(ref s, side, code);
                }

                s.Sides[side].HistLastSyn = relSeq;
            }

            if (fin)
            {
                // A FIN's sequence number comes after any data in the segment.
                var finSeq = relSeq + (ulong)len;
                if (CheckHistory(ref s, side, HistFin, 'F') && finSeq != s.Sides[side].HistLastFin)
                {
                    AddHistory(ref s, side, 'F');
                }

                s.Sides[side].HistLastFin = finSeq;
            }

            if (rst)
            {
                if (CheckHistory(ref s, side, HistRst, 'R') && relSeq != s.Sides[side].HistLastRst)
                {
                    AddHistory(ref s, side, 'R');
                }

                s.Sides[side].HistLastRst = relSeq;
            }
        }
        else if (len > 0)
        {
            CheckHistory(ref s, side, HistData, 'D');
        }
        else if ((flags & TcpFlags.Ack) != 0)
        {
            CheckHistory(ref s, side, HistAck, 'A');
        }
    }

    private static void SetPartialStatus(ref ZeekSession s, bool isOrig, bool syn, bool ack)
    {
        var bit = isOrig ? 1 : 2;
        if ((s.FirstPacketSeen & bit) == 0)
        {
            if (isOrig)
            {
                s.IsPartial = !syn || ack;
            }
            else if (!s.IsPartial)
            {
                s.IsPartial = !syn;
            }

            s.FirstPacketSeen |= bit;
        }
    }

    private static void UpdateLastSeq(ref ZeekSession s, int side, uint lastSeq, TcpFlags flags, int len)
    {
        ref var ep = ref s.Sides[side];
        var deltaLast = unchecked((int)(lastSeq - ep.LastSeq));
        var synOrRst = (flags & (TcpFlags.Syn | TcpFlags.Rst)) != 0;
        if (synOrRst && (deltaLast > TooLargeSeqDelta || deltaLast < -TooLargeSeqDelta))
        {
            // Not trusted.
        }
        else if ((flags & TcpFlags.Fin) != 0 && ep.LastSeq == unchecked(ep.StartSeq32 + 1))
        {
            // Only SYN and FIN seen: accept the FIN even "backwards" (connections over 2 GB).
            ep.UpdateLastSeq(lastSeq);
        }
        else if (ep.State == ZeekEndpointState.Reset)
        {
            // Nothing after a reset is trusted.
        }
        else if (deltaLast > 0)
        {
            ep.UpdateLastSeq(lastSeq);
        }
        else if (len > 0)
        {
            s.History.Scaled(side == s.OrigSide ? 'T' : 't', ref ep.RxmitCount, ref ep.RxmitThreshold);
        }

    }
}
