using SynAck.Capture;
using SynAck.Cli.Common;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Info;

/// <summary>Reads a whole capture once and counts what <c>synack info</c> reports.</summary>
public static class CaptureSummarizer
{
    private const byte Icmp = 1;
    private const byte Tcp = 6;
    private const byte Udp = 17;
    private const byte Icmpv6 = 58;

    public static CaptureSummary Summarize(CaptureReader reader, string displayName, bool verifyChecksums)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var format = reader.Format;
        var summary = new CaptureSummary
        {
            File = displayName,
            Format = FormatNames.Container(format),
            ByteOrder = FormatNames.ByteOrder(format),
            Gzip = format.IsGzip,
            ChecksumsVerified = verifyChecksums,
            FileBytes = reader.TotalBytes,
        };

        while (reader.TryReadNext(out var packet))
        {
            Count(summary, packet, verifyChecksums);
        }

        summary.Warnings = reader.Warnings;
        return summary;
    }

    private static void Count(CaptureSummary s, in CapturedPacket packet, bool verifyChecksums)
    {
        s.Packets++;
        s.CapturedBytes += packet.Data.Length;
        s.WireBytes += packet.OriginalLength;
        s.TimestampDigits.Add(packet.TimestampDigits);
        s.FirstNanos ??= packet.TimestampNanos;
        s.LastNanos = packet.TimestampNanos;
        var link = (ushort)packet.LinkType;
        s.LinkTypes[link] = s.LinkTypes.GetValueOrDefault(link) + 1;
        if (packet.IsTruncated)
        {
            s.TruncatedPackets++;
        }

        var status = PacketDecoder.Decode(packet.LinkType, packet.Data, out var p);
        if (status != ParseStatus.Ok)
        {
            s.DecodeStatus[status] = s.DecodeStatus.GetValueOrDefault(status) + 1;
        }

        // A header cut by the snap length is "truncated", not malformed: the packet was fine on the wire.
        if (IsMalformed(status) && !(status == ParseStatus.Truncated && packet.IsTruncated))
        {
            s.MalformedPackets++;
        }

        if (p.IsFragment)
        {
            s.IpFragments++;
        }

        if (p.IpVersion == 0)
        {
            s.NonIpPackets++;
        }
        else
        {
            CountProtocol(s, p.Protocol);
        }

        if (verifyChecksums)
        {
            if (PacketChecksums.TryVerifyIpv4Header(p, out var ipOk) && !ipOk)
            {
                s.BadIpChecksums++;
            }

            if (status == ParseStatus.Ok && PacketChecksums.TryVerifyTcp(p, out var tcpOk) && !tcpOk)
            {
                s.BadTcpChecksums++;
            }
        }
    }

    private static void CountProtocol(CaptureSummary s, byte protocol)
    {
        switch (protocol)
        {
            case Tcp:
                s.TcpPackets++;
                break;
            case Udp:
                s.UdpPackets++;
                break;
            case Icmp or Icmpv6:
                s.IcmpPackets++;
                break;
            default:
                s.OtherIpPackets++;
                break;
        }
    }

    /// <summary>Statuses that mean the bytes contradict their own headers (as opposed to "not TCP" or "unsupported").</summary>
    public static bool IsMalformed(ParseStatus status) => status is ParseStatus.Truncated or ParseStatus.BadHeaderLength
        or ParseStatus.BadVersion or ParseStatus.BadTotalLength or ParseStatus.BadDataOffset or ParseStatus.BadOption
        or ParseStatus.BadChecksum;
}
