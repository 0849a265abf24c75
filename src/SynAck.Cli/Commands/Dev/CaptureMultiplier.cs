using System.Buffers;
using System.Buffers.Binary;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Dev;

/// <summary>
/// Concatenates a capture N times for scale tests. Copy k (0-based) has its timestamps shifted by k times the
/// capture's span plus <see cref="GapNs"/> (longer than every tracker timeout, so copy k's connections have ended
/// before copy k+1 starts) and every IP address shifted by k in one 16-bit word (the first two octets of IPv4 addresses, IPv6
/// bits 16-31), so connections of different copies never share a 4-tuple. The IPv4 header and TCP checksums are
/// updated incrementally (RFC 1624), so checksums that were right stay right. Writes classic pcap, nanosecond
/// timestamps, with the link type of the first packet; packets of other link types are left out.
/// </summary>
public sealed class CaptureMultiplier
{
    /// <summary>Pause between copies: longer than Zeek's 5-minute TCP inactivity timeout.</summary>
    public const long GapNs = 600_000_000_000L;

    /// <summary>Writes <paramref name="times"/> copies of the capture at <paramref name="input"/> to <paramref name="output"/>; returns packets written.</summary>
    public static long Multiply(string input, Stream output, int times)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(times, 65535);
        var (first, last, link) = Span(input);
        var shift = last - first + GapNs;
        using var writer = new PcapWriter(output, link, 262144, nanosecond: true, bigEndian: false, leaveOpen: true);
        var buffer = ArrayPool<byte>.Shared.Rent(262144);
        try
        {
            for (var k = 0; k < times; k++)
            {
                using var reader = CaptureReader.Open(input);
                while (reader.TryReadNext(out var p))
                {
                    if (p.LinkType != link)
                    {
                        continue;
                    }

                    var frame = buffer.AsSpan(0, p.Data.Length);
                    p.Data.CopyTo(frame);
                    ShiftAddresses(link, frame, (ushort)k);
                    writer.Write(p.TimestampNanos + (k * shift), frame, p.OriginalLength);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return writer.PacketCount;
    }

    /// <summary>Adds <paramref name="k"/> to the second 16-bit word of both IP addresses of a frame, fixing checksums.</summary>
    public static void ShiftAddresses(LinkType link, Span<byte> frame, ushort k)
    {
        if (k == 0)
        {
            return;
        }

        PacketDecoder.Decode(link, frame, out var p);
        if (p.IpVersion == 0 || !frame.Overlaps(p.Ip, out var ipOffset))
        {
            return;
        }

        var ip = frame[ipOffset..];
        int srcWord, dstWord, tcpOffset;
        if (p.IpVersion == 4 && ip.Length >= 20)
        {
            (srcWord, dstWord) = (12, 16);
            var fragmentOffset = BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x1FFF;
            tcpOffset = ip[9] == 6 && fragmentOffset == 0 ? (ip[0] & 0xF) * 4 : -1;
        }
        else if (p.IpVersion == 6 && ip.Length >= 40)
        {
            (srcWord, dstWord) = (10, 26);
            tcpOffset = ip[6] == 6 ? 40 : -1;
        }
        else
        {
            return;
        }

        ShiftWord(ip, srcWord, k, p.IpVersion == 4 ? 10 : -1, tcpOffset);
        ShiftWord(ip, dstWord, k, p.IpVersion == 4 ? 10 : -1, tcpOffset);
    }

    private static void ShiftWord(Span<byte> ip, int word, ushort k, int ipChecksum, int tcpOffset)
    {
        var old = BinaryPrimitives.ReadUInt16BigEndian(ip[word..]);
        var updated = unchecked((ushort)(old + k));
        BinaryPrimitives.WriteUInt16BigEndian(ip[word..], updated);
        if (ipChecksum >= 0)
        {
            Adjust(ip, ipChecksum, old, updated);
        }

        // The TCP checksum covers the addresses through the pseudo-header (RFC 9293 §3.1).
        if (tcpOffset >= 0 && ip.Length >= tcpOffset + 18)
        {
            Adjust(ip, tcpOffset + 16, old, updated);
        }
    }

    /// <summary>RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), in one's complement arithmetic.</summary>
    private static void Adjust(Span<byte> bytes, int at, ushort old, ushort updated)
    {
        var hc = BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
        var sum = (uint)(ushort)~hc + (ushort)~old + updated;
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[at..], (ushort)~sum);
    }

    private static (long First, long Last, LinkType Link) Span(string input)
    {
        using var reader = CaptureReader.Open(input);
        long first = long.MaxValue, last = long.MinValue;
        LinkType? link = null;
        while (reader.TryReadNext(out var p))
        {
            link ??= p.LinkType;
            first = Math.Min(first, p.TimestampNanos);
            last = Math.Max(last, p.TimestampNanos);
        }

        return link is { } l ? (first, last, l) : (0, 0, LinkType.Ethernet);
    }
}
