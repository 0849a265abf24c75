namespace SynAck.Analysis.Zeek;

/// <summary>
/// One endpoint as Zeek's TCP analyzer tracks it (<c>TCP_Endpoint</c>): coarse state, the sequence bookkeeping
/// that yields <c>orig_bytes</c>/<c>resp_bytes</c>, the history de-duplication markers and the repeat counters,
/// plus the packet and IP byte counts of Zeek's ConnSize analyzer. Sequence numbers are raw 32-bit values with
/// explicit wrap counters, exactly as Zeek keeps them.
/// </summary>
public struct ZeekEndpoint
{
    // Field order is memory order: the fields every segment reads or writes come first and fill one 64-byte
    // cache line; the repeat counters, history markers and out-of-order ranges follow.
    public ZeekEndpointState State;

    public ZeekEndpointState PrevState;

    /// <summary>True once Zeek considers this endpoint's close reported (<c>did_close</c>).</summary>
    public bool DidClose;

    public uint SeqWraps;

    public uint AckWraps;

    /// <summary>One past the highest sequence number sent so far.</summary>
    public uint LastSeq;

    /// <summary>Highest acknowledgment number the peer has sent for this endpoint's data.</summary>
    public uint AckSeq;

    public int BlockCount;

    /// <summary>Sequence number "before" the first byte (ISN, or first seen seq - 1 without a SYN); 0 ≤ value &lt; 2^32.</summary>
    public long StartSeq;

    /// <summary>Packets counted by the ConnSize analyzer (bad-checksum packets excluded).</summary>
    public ulong Packets;

    /// <summary>Sum of the IP length field of those packets.</summary>
    public ulong IpBytes;

    /// <summary>Reassembler: relative sequence up to which the stream is delivered or given up (<c>last_reassem_seq</c>).</summary>
    public ulong LastReassem;

    /// <summary>Reassembler: relative sequence below which everything was acknowledged (<c>trim_seq</c>).</summary>
    public ulong TrimSeq;

    // Colder: touched on flags, repeats and gaps.
    public int FinCount;

    public int RstCount;

    public uint RxmitCount;

    public uint RxmitThreshold;

    public uint ZeroWindowCount;

    public uint ZeroWindowThreshold;

    public uint ChecksumCount;

    public uint ChecksumThreshold;

    public uint GapCount;

    public uint GapThreshold;

    public ulong HistLastSyn;

    public ulong HistLastFin;

    public ulong HistLastRst;

    /// <summary>Bytes the reassembler never saw (content gaps).</summary>
    public ulong MissedBytes;

    /// <summary>Relative sequence one past this endpoint's FIN (Zeek's <c>FIN_seq</c>).</summary>
    public ulong FinSeqRel;

    /// <summary>Reassembler: out-of-order data above <see cref="LastReassem"/>, sorted by start.</summary>
    public BlockRanges Blocks;

    /// <summary>A fresh endpoint (Zeek's constructor).</summary>
    public static ZeekEndpoint Create()
    {
        var e = default(ZeekEndpoint);
        InitZeroed(ref e);
        return e;
    }

    /// <summary>
    /// Makes an all-zero <paramref name="e"/> a fresh endpoint in place: sets the fields whose initial value is not
    /// zero (no 200-byte temporary copied in, no second clear of a slot that is already clear).
    /// </summary>
    public static void InitZeroed(ref ZeekEndpoint e)
    {
        e.RxmitThreshold = 1;
        e.ZeroWindowThreshold = 1;
        e.ChecksumThreshold = 1;
        e.GapThreshold = 1;
        e.LastReassem = 1;
        e.TrimSeq = 1;
    }

    /// <summary>Start sequence as the 32-bit value Zeek compares with.</summary>
    public readonly uint StartSeq32 => (uint)StartSeq;

    /// <summary>True while the endpoint has been seen and has not closed (Zeek's <c>IsActive</c>).</summary>
    public readonly bool IsActive => State != ZeekEndpointState.Inactive && !DidClose;

    public void SetStartAndAck(uint seq)
    {
        StartSeq = seq;
        AckSeq = seq;
    }

    public void UpdateLastSeq(uint seq)
    {
        if (seq < LastSeq)
        {
            SeqWraps++;
        }

        LastSeq = seq;
    }

    public void UpdateAckSeq(uint seq)
    {
        if (seq < AckSeq)
        {
            AckWraps++;
        }

        AckSeq = seq;
    }

    /// <summary>True when the peer acknowledged nothing beyond the SYN (Zeek's <c>NoDataAcked</c>).</summary>
    public readonly bool NoDataAcked()
    {
        var ack = ((ulong)AckWraps << 32) + AckSeq;
        var start = (ulong)StartSeq;
        return ack == start || ack == start + 1;
    }

    /// <summary>
    /// Payload bytes from sequence numbers, Zeek's <c>TCP_Endpoint::Size</c>: the larger of the highest sequence
    /// sent and the highest acknowledged, minus the start, minus one for the SYN and one for a FIN.
    /// </summary>
    public readonly ulong Size(ZeekEndpointState peerState)
    {
        if (PrevState == ZeekEndpointState.SynSent && State == ZeekEndpointState.Reset &&
            peerState == ZeekEndpointState.Inactive && !NoDataAcked())
        {
            return 0;
        }

        var last = ((ulong)SeqWraps << 32) + LastSeq;
        var ack = ((ulong)AckWraps << 32) + AckSeq;
        var size = unchecked((last > ack ? last : ack) - (ulong)StartSeq);
        if (size != 0)
        {
            size--;
        }

        if (FinCount > 0 && size != 0)
        {
            size--;
        }

        return size;
    }

    /// <summary>Zeek's <c>ToRelativeSeqSpace</c>.</summary>
    public readonly ulong ToRelative(uint seq, uint wraps) => unchecked(((ulong)wraps << 32) + seq - (ulong)StartSeq);

    /// <summary>
    /// Zeek's <c>get_relative_seq</c>: the 64-bit offset of <paramref name="current"/> from the start, tracking
    /// wrap-around relative to <paramref name="last"/>; sets <paramref name="underflow"/> when before the start.
    /// </summary>
    public readonly ulong RelativeSeq(uint current, uint last, uint wraps, out bool underflow)
    {
        underflow = false;
        var delta = unchecked((int)(current - last));
        if (delta < 0)
        {
            if (wraps != 0 && current > last)
            {
                wraps--;
            }
        }
        else if (delta > 0 && current < last)
        {
            wraps++;
        }

        if (wraps == 0)
        {
            var d = unchecked((int)(current - StartSeq32));
            if (d < 0)
            {
                underflow = true;
            }

            return unchecked((ulong)(long)d);
        }

        return ToRelative(current, wraps);
    }
}
