namespace SynAck.Analysis.Zeek;

public static partial class ZeekTcpAnalyzer
{
    // A model of Zeek's TCP_Reassembler that tracks only sequence ranges (no payload): enough to find the content
    // gaps an acknowledgment reveals, which give history 'G'/'g' and missed_bytes.

    private static void DataSent(ref ZeekEndpoint ep, ulong seq, ulong len)
    {
        var ack = ep.ToRelative(ep.AckSeq, ep.AckWraps);
        var upper = seq + len;
        if (seq < ack)
        {
            if (upper <= ack)
            {
                return;
            }

            seq = ack;
        }

        if (upper <= ep.TrimSeq)
        {
            return;
        }

        if (seq < ep.TrimSeq)
        {
            seq = ep.TrimSeq;
        }

        if (seq <= ep.LastReassem)
        {
            if (upper > ep.LastReassem)
            {
                ep.LastReassem = upper;
                DeliverContiguous(ref ep);
            }

            return;
        }

        InsertBlock(ref ep, seq, upper);
    }

    private static void InsertBlock(ref ZeekEndpoint ep, ulong seq, ulong upper)
    {
        var i = 0;
        while (i < ep.BlockCount && ep.Blocks[i].Seq < seq)
        {
            i++;
        }

        if (ep.BlockCount == BlockRanges.Capacity)
        {
            // Full: widen the neighbouring range instead of keeping a new one.
            var j = i == ep.BlockCount ? i - 1 : i;
            var b = ep.Blocks[j];
            ep.Blocks[j] = new BlockRange(Math.Min(b.Seq, seq), Math.Max(b.Upper, upper));
            return;
        }

        for (var k = ep.BlockCount; k > i; k--)
        {
            ep.Blocks[k] = ep.Blocks[k - 1];
        }

        ep.Blocks[i] = new BlockRange(seq, upper);
        ep.BlockCount++;
    }

    private static void RemoveFirstBlock(ref ZeekEndpoint ep)
    {
        for (var k = 1; k < ep.BlockCount; k++)
        {
            ep.Blocks[k - 1] = ep.Blocks[k];
        }

        ep.BlockCount--;
    }

    private static void DeliverContiguous(ref ZeekEndpoint ep)
    {
        while (ep.BlockCount > 0 && ep.Blocks[0].Seq <= ep.LastReassem)
        {
            if (ep.Blocks[0].Upper > ep.LastReassem)
            {
                ep.LastReassem = ep.Blocks[0].Upper;
            }

            RemoveFirstBlock(ref ep);
        }
    }

    /// <summary>An acknowledgment for <paramref name="side"/>'s data up to relative <paramref name="relAck"/>.</summary>
    private static void AckReceived(ref ZeekSession s, int side, ulong relAck)
    {
        ref var ep = ref s.Sides[side];
        var seq = relAck;
        if (ep.FinCount > 0 && seq >= ep.FinSeqRel)
        {
            seq = ep.FinSeqRel - 1;
        }

        if (seq <= ep.TrimSeq)
        {
            return;
        }

        if (seq > ep.LastReassem)
        {
            Undelivered(ref s, side, seq);
        }

        ep = ref s.Sides[side];
        while (ep.BlockCount > 0 && ep.Blocks[0].Upper <= seq)
        {
            RemoveFirstBlock(ref ep);
        }

        ep.TrimSeq = seq;
    }

    private static void Undelivered(ref ZeekSession s, int side, ulong upTo)
    {
        if (upTo <= 2 && s.IsPartial)
        {
            return;
        }

        ref var ep = ref s.Sides[side];
        while (ep.BlockCount > 0 && ep.Blocks[0].Seq < upTo)
        {
            var b = ep.Blocks[0];
            if (b.Seq > ep.LastReassem)
            {
                Gap(ref s, side, b.Seq - ep.LastReassem);
                ep.LastReassem = b.Seq;
            }

            if (b.Upper > ep.LastReassem)
            {
                ep.LastReassem = b.Upper;
            }

            RemoveFirstBlock(ref ep);
        }

        if (upTo > ep.LastReassem)
        {
            Gap(ref s, side, upTo - ep.LastReassem);
            ep.LastReassem = upTo;
        }
    }

    private static bool IsClean(in ZeekEndpoint e) =>
        e.State == ZeekEndpointState.Established ||
        (e.State == ZeekEndpointState.Closed && e.PrevState == ZeekEndpointState.Established);

    private static void Gap(ref ZeekSession s, int side, ulong length)
    {
        ref var ep = ref s.Sides[side];
        var clean = IsClean(ep) && IsClean(s.Sides[side ^ 1]);
        if (clean)
        {
            s.History.Scaled(side == s.OrigSide ? 'G' : 'g', ref ep.GapCount, ref ep.GapThreshold);
        }

        if (clean || s.ReportGapsForPartial)
        {
            ep.MissedBytes += length;
        }
    }
}
