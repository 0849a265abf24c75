using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Input;

/// <summary>Builds <see cref="TcpSegment"/> values from the wire layer's <see cref="DecodedPacket"/>.</summary>
public static class TcpSegmentFactory
{
    /// <summary>
    /// True when the tracker takes the packet: <see cref="TryCreate"/> or <see cref="TryCreateHeaderOnly"/> gives a
    /// segment for it.
    /// </summary>
    public static bool IsTracked(in DecodedPacket p) =>
        p.HasTcp && (p.Status == ParseStatus.Ok || (p.Status == ParseStatus.Truncated && !p.Tcp.IsHeaderComplete));

    /// <summary>
    /// For a packet whose TCP options were cut by the snaplen (<see cref="ParseStatus.Truncated"/> with the fixed
    /// header present): a <see cref="TcpSegment.HeaderOnly"/> segment with the ports, flags and numbers, which the
    /// tracker uses only to find or create the connection, as Zeek does. False for any other packet.
    /// </summary>
    public static bool TryCreateHeaderOnly(in DecodedPacket p, long frameNumber, long timestampNanos, out TcpSegment segment)
    {
        if (p.Status != ParseStatus.Truncated || !p.HasTcp || p.Tcp.IsHeaderComplete)
        {
            segment = default;
            return false;
        }

        var tcp = p.Tcp;
        segment = new TcpSegment
        {
            FrameNumber = frameNumber,
            TimestampNanos = timestampNanos,
            Source = p.Source,
            Destination = p.Destination,
            SourcePort = tcp.SourcePort,
            DestinationPort = tcp.DestinationPort,
            Flags = tcp.Flags,
            Seq = tcp.Seq,
            Ack = tcp.Ack,
            Window = tcp.Window,
            IpLength = p.IpLength,
            HeaderOnly = true,
            Tunnel = Encapsulation.Of(p),
        };
        return true;
    }

    /// <summary>
    /// The segment of a decoded packet, or false when the packet carries no complete TCP header (or is a
    /// non-first fragment). With <paramref name="verifyChecksum"/>, the TCP checksum is checked whenever the
    /// whole segment was captured.
    /// </summary>
    public static bool TryCreate(in DecodedPacket p, long frameNumber, long timestampNanos, bool verifyChecksum, out TcpSegment segment)
    {
        if (p.Status != ParseStatus.Ok || !p.HasTcp)
        {
            segment = default;
            return false;
        }

        var tcp = p.Tcp;
        var options = tcp.HeaderLength > 20 ? Summarize(tcp.Options) : TcpOptionSummary.None;

        var checksum = ChecksumStatus.NotChecked;
        if (verifyChecksum && PacketChecksums.TryVerifyTcp(p, out var ok))
        {
            checksum = ok ? ChecksumStatus.Good : ChecksumStatus.Bad;
        }

        segment = new TcpSegment(p, frameNumber, timestampNanos, options, checksum);
        return true;
    }

    /// <summary>
    /// The options the analysis uses, in one walk over the option bytes (calling TcpOptions' four TryGet readers
    /// would walk them four times, a measurable share of a run). As those readers do, the first option of each
    /// kind decides, and a malformed length ends the walk.
    /// </summary>
    internal static TcpOptionSummary Summarize(TcpOptions options)
    {
        var summary = default(TcpOptionSummary);
        SummarizeInto(options, ref summary);
        return summary;
    }

    /// <summary><see cref="Summarize"/> written in place (see <see cref="TcpOptionSummary.Write"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SummarizeInto(TcpOptions options, ref TcpOptionSummary summary)
    {
        var b = options.Bytes;

        // NOP, NOP, timestamps (Linux data segments): read directly.
        if (options.IsNopNopTimestamps)
        {
            TcpOptionSummary.Write(
                ref summary, 0, -1, false, true, BinaryPrimitives.ReadUInt32BigEndian(b[4..]), BinaryPrimitives.ReadUInt32BigEndian(b[8..]));
            return;
        }

        // MSS, SACK permitted, timestamps, NOP, window scale (Linux SYN and SYN-ACK): read directly, as the walk
        // would read them.
        if (options.IsLinuxSynLayout)
        {
            TcpOptionSummary.Write(
                ref summary,
                BinaryPrimitives.ReadUInt16BigEndian(b[2..]),
                (sbyte)Math.Min((int)b[19], 127),
                true,
                true,
                BinaryPrimitives.ReadUInt32BigEndian(b[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(b[12..]));
            return;
        }

        summary = Walk(options);
    }

    /// <summary>The general case of <see cref="Summarize"/>: one walk over the options.</summary>
    internal static TcpOptionSummary Walk(TcpOptions options)
    {
        ushort mss = 0;
        sbyte scale = -1;
        var sack = false;
        var timestamps = false;
        uint tsVal = 0;
        uint tsEcr = 0;
        var seen = 0;
        foreach (var o in options)
        {
            var bit = o.Kind switch
            {
                TcpOptionKind.Mss => 1,
                TcpOptionKind.WindowScale => 2,
                TcpOptionKind.SackPermitted => 4,
                TcpOptionKind.Timestamps => 8,
                _ => 0,
            };
            if (bit == 0 || (seen & bit) != 0)
            {
                continue;
            }

            seen |= bit;
            switch (bit)
            {
                case 1:
                    mss = o.TryGetMss(out var m) ? m : (ushort)0;
                    break;
                case 2:
                    scale = o.TryGetWindowScale(out var ws) ? (sbyte)Math.Min((int)ws, 127) : (sbyte)-1;
                    break;
                case 4:
                    sack = o.IsSackPermitted;
                    break;
                default:
                    timestamps = o.TryGetTimestamps(out tsVal, out tsEcr);
                    break;
            }
        }

        return new TcpOptionSummary
        {
            Mss = mss,
            WindowScale = scale,
            SackPermitted = sack,
            HasTimestamps = timestamps,
            TsVal = timestamps ? tsVal : 0,
            TsEcr = timestamps ? tsEcr : 0,
        };
    }
}
