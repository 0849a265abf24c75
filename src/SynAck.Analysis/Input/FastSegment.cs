using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Input;

/// <summary>
/// The segment of the commonest frame (Ethernet, IPv4 without options or fragmentation, a whole TCP header) read
/// straight from its bytes: what <see cref="PacketDecoder"/> followed by <see cref="TcpSegmentFactory.TryCreate"/>
/// gives for it, field for field (tested on every packet of the test captures), without the general decoder's
/// intermediate <see cref="DecodedPacket"/>. Hand-written because that general path, which handles every link type,
/// tag, tunnel and malformation, was a fifth of a run on plain traffic. Any other frame, or any doubt (no IPv4 total
/// length, a cut TCP header), is left to the general path (false).
/// </summary>
internal static class FastSegment
{
    /// <summary>The segment of a plain Ethernet/IPv4/TCP frame (checksums not verified), or false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(LinkType link, ReadOnlySpan<byte> frame, long frameNumber, long timestampNanos, out TcpSegment segment)
    {
        if (!PlainFrame.TryGetIp(link, frame, out var ip))
        {
            segment = default;
            return false;
        }

        // The IP packet as captured, without link padding beyond the total length; the TCP header must be whole.
        var total = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if (total < PlainFrame.Ipv4Header + TcpHeader.MinLength)
        {
            segment = default;
            return false;
        }

        var tcp = ip[PlainFrame.Ipv4Header..Math.Min(ip.Length, (int)total)];
        var headerLength = (tcp[12] >> 4) * 4;
        var declared = total - PlainFrame.Ipv4Header;
        if (headerLength < TcpHeader.MinLength || headerLength > declared || headerLength > tcp.Length)
        {
            segment = default;
            return false;
        }

        TcpSegment.WritePlain(out segment, frameNumber, timestampNanos, ip, tcp, headerLength, declared - headerLength, total);
        return true;
    }
}
