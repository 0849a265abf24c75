using SynAck.Analysis.Findings;
using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Anomalies;

/// <summary>
/// Checks of one TCP header on its own: flag combinations no conforming stack sends and fields that contradict
/// the flags. Writes the ids of the findings that apply; allocation-free.
/// </summary>
public static class HeaderChecks
{
    /// <summary>FIN, PSH and URG together: the "Xmas tree" probe (nmap -sX, hping3 -FPU).</summary>
    public const TcpFlags XmasFlags = TcpFlags.Fin | TcpFlags.Psh | TcpFlags.Urg;

    /// <summary>Most ids <see cref="Evaluate"/> can write for one segment.</summary>
    public const int MaxPerSegment = 8;

    /// <summary>Writes the ids of the header findings of <paramref name="seg"/>; returns how many.</summary>
    public static int Evaluate(in TcpSegment seg, in SegmentExtras extras, Span<string> ids)
    {
        var n = 0;
        var f = seg.Flags & ~(TcpFlags.Ece | TcpFlags.Cwr | TcpFlags.Ae);

        // RFC 9293 §3.10.7: SYN opens and FIN/RST close; no state accepts both at once.
        if ((f & (TcpFlags.Syn | TcpFlags.Fin)) == (TcpFlags.Syn | TcpFlags.Fin))
        {
            ids[n++] = FindingIds.SynFin;
        }

        if ((f & (TcpFlags.Syn | TcpFlags.Rst)) == (TcpFlags.Syn | TcpFlags.Rst))
        {
            ids[n++] = FindingIds.SynRst;
        }

        if (f == TcpFlags.None)
        {
            ids[n++] = FindingIds.NullFlags;
        }

        var xmas = (f & XmasFlags) == XmasFlags;
        if (xmas)
        {
            ids[n++] = FindingIds.Xmas;
        }

        // RFC 9293 §3.8.5 (RFC 6093): the urgent pointer is an offset past the urgent data; 0 points nowhere.
        if ((f & TcpFlags.Urg) != 0 && extras.UrgentPointer == 0)
        {
            ids[n++] = FindingIds.UrgZeroPointer;
        }

        if ((f & TcpFlags.Psh) != 0 && seg.PayloadLength == 0 && !xmas && (f & (TcpFlags.Syn | TcpFlags.Fin | TcpFlags.Rst)) == 0)
        {
            ids[n++] = FindingIds.PshEmpty;
        }

        // RFC 9293 §3.10.7.3 allows data on a SYN but stacks queue it; only TFO (RFC 7413) uses it.
        if ((f & TcpFlags.Syn) != 0 && seg.PayloadLength > 0 && !extras.HasFastOpen)
        {
            ids[n++] = FindingIds.SynData;
        }

        // RFC 9293 §3.1: the acknowledgment field is significant only with ACK; crafting tools leave it random.
        if ((f & TcpFlags.Ack) == 0 && seg.Ack.Value != 0 && (f & TcpFlags.Rst) == 0)
        {
            ids[n++] = FindingIds.AckFieldWithoutAck;
        }

        return n;
    }
}
