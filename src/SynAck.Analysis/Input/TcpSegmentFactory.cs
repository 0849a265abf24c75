using SynAck.Wire;

namespace SynAck.Analysis.Input;

/// <summary>Builds <see cref="TcpSegment"/> values from the wire layer's <see cref="DecodedPacket"/>.</summary>
public static class TcpSegmentFactory
{
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
        var options = TcpOptionSummary.None;
        if (tcp.HeaderLength > 20)
        {
            var o = tcp.Options;
            options = new TcpOptionSummary
            {
                Mss = o.TryGetMss(out var mss) ? mss : (ushort)0,
                WindowScale = o.TryGetWindowScale(out var ws) ? (sbyte)Math.Min((int)ws, 127) : (sbyte)-1,
                SackPermitted = o.SackPermitted,
                HasTimestamps = o.TryGetTimestamps(out var tsVal, out var tsEcr),
                TsVal = tsVal,
                TsEcr = tsEcr,
            };
        }

        var checksum = ChecksumStatus.NotChecked;
        if (verifyChecksum && PacketChecksums.TryVerifyTcp(p, out var ok))
        {
            checksum = ok ? ChecksumStatus.Good : ChecksumStatus.Bad;
        }

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
            PayloadLength = p.TcpPayloadLength,
            IpLength = p.IpLength,
            // A first fragment of an outer tunnel packet carries the inner segment's start; the rest is in later
            // frames (Zeek reassembles them), not cut by the snaplen.
            PayloadTruncated = tcp.Payload.Length < p.TcpPayloadLength && !p.OuterIsFragment,
            Options = options,
            Checksum = checksum,
            Tunnel = Encapsulation.Of(p),
        };
        return true;
    }
}
