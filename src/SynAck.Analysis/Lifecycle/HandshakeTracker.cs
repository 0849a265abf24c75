using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Lifecycle;

/// <summary>
/// The three-way handshake as captured (RFC 9293 §3.5): the SYN, SYN+ACK and third ACK, their numbers, options
/// and times, retransmissions, and whether the acknowledgment numbers check out.
/// </summary>
public struct HandshakeTracker
{
    /// <summary>Physical side that sent the first SYN, or -1.</summary>
    public int SynSide;

    public SeqNumber SynSeq;
    public int SynCount;
    public long SynFirstNs;
    public long SynLastNs;
    public long SynFrame;
    public TcpOptionSummary SynOptions;

    public bool SynAckSeen;
    public SeqNumber SynAckSeq;
    public SeqNumber SynAckAck;
    public int SynAckCount;
    public long SynAckNs;
    public long SynAckFrame;

    /// <summary>The SYN timestamp the SYN+ACK answers (the last SYN before it).</summary>
    public long SynBeforeSynAckNs;

    public TcpOptionSummary SynAckOptions;

    public bool ThirdAckSeen;
    public SeqNumber ThirdAckAck;
    public long ThirdAckNs;
    public long ThirdAckFrame;

    public static HandshakeTracker Create() => new() { SynSide = -1 };

    /// <summary>Observes a segment from physical <paramref name="side"/>.</summary>
    public void Observe(int side, in TcpSegment seg)
    {
        var f = seg.Flags;
        var syn = (f & TcpFlags.Syn) != 0;
        var ack = (f & TcpFlags.Ack) != 0;
        if ((f & (TcpFlags.Rst | TcpFlags.Fin)) != 0 && syn)
        {
            return;
        }

        if (syn && !ack)
        {
            if (SynSide < 0)
            {
                SynSide = side;
                SynSeq = seg.Seq;
                SynFirstNs = seg.TimestampNanos;
                SynFrame = seg.FrameNumber;
                SynOptions = seg.Options;
            }

            if (side == SynSide && !SynAckSeen)
            {
                SynCount++;
                SynLastNs = seg.TimestampNanos;
                SynSeq = seg.Seq;
            }

            return;
        }

        if (SynSide < 0)
        {
            return;
        }

        if (syn && ack && side != SynSide)
        {
            if (!SynAckSeen)
            {
                SynAckSeen = true;
                SynAckSeq = seg.Seq;
                SynAckAck = seg.Ack;
                SynAckNs = seg.TimestampNanos;
                SynAckFrame = seg.FrameNumber;
                SynAckOptions = seg.Options;
                SynBeforeSynAckNs = SynLastNs;
            }

            SynAckCount++;
            return;
        }

        if (!syn && ack && side == SynSide && SynAckSeen && !ThirdAckSeen && (f & TcpFlags.Rst) == 0)
        {
            ThirdAckSeen = true;
            ThirdAckAck = seg.Ack;
            ThirdAckNs = seg.TimestampNanos;
            ThirdAckFrame = seg.FrameNumber;
        }
    }
}
