using System.Buffers.Binary;
using SynAck.Wire.Ip;
using SynAck.Wire.Tcp;

namespace SynAck.Wire;

public static partial class PacketDecoder
{
    /// <summary>Most IPv6 extension headers walked before giving up (RFC 8200 §4.1 expects a handful).</summary>
    private const int MaxExtensionHeaders = 16;

    /// <summary>Decodes the IP packet at <paramref name="offset"/>; <paramref name="version"/> 0 means "by the version nibble".</summary>
    private static ParseStatus DecodeIp(ReadOnlySpan<byte> frame, int offset, int version, ref DecodedPacket p)
    {
        p.LinkHeaderLength = offset;
        var ip = frame[offset..];
        if (ip.IsEmpty)
        {
            return ParseStatus.Truncated;
        }

        var nibble = ip[0] >> 4;
        if (version != 0 && nibble != version)
        {
            return ParseStatus.BadVersion;
        }

        return nibble switch
        {
            4 => DecodeIpv4(ip, ref p),
            6 => DecodeIpv6(ip, ref p),
            _ => ParseStatus.BadVersion,
        };
    }

    private static ParseStatus DecodeIpv4(ReadOnlySpan<byte> ip, ref DecodedPacket p)
    {
        var status = Ipv4Header.TryRead(ip, out var h);
        if (status != ParseStatus.Ok)
        {
            return status;
        }

        p.IpVersion = 4;
        p.Source = h.Source;
        p.Destination = h.Destination;
        p.Protocol = h.Protocol;
        p.Ttl = h.Ttl;
        var hl = h.HeaderLength;
        p.IpHeaderLength = hl;

        // A total length of 0 is what captures of TCP segmentation offload show: use the captured length.
        var ipLength = h.PacketLength;
        p.IpLength = ipLength;
        p.IsTruncated = ip.Length < ipLength;
        p.Ip = ip[..Math.Min(ip.Length, ipLength)];
        p.Transport = p.Ip[hl..];

        // RFC 791 §3.2: a fragment has MF set or a non-zero offset; only the first (offset 0) holds the TCP header.
        p.FragmentOffset = h.FragmentOffset;
        p.MoreFragments = h.MoreFragments;
        p.IsFragment = h.IsFragment;
        if (p.FragmentOffset != 0)
        {
            return ParseStatus.Fragment;
        }

        return DecodeTransport(ipLength - hl, ref p);
    }

    private static ParseStatus DecodeIpv6(ReadOnlySpan<byte> ip, ref DecodedPacket p)
    {
        var status = Ipv6Header.TryRead(ip, out var h);
        if (status != ParseStatus.Ok)
        {
            return status;
        }

        p.IpVersion = 6;
        p.Source = h.Source;
        p.Destination = h.Destination;
        p.Ttl = h.HopLimit;
        var next = h.NextHeader;

        // A payload length of 0 with bytes following is a jumbogram (RFC 2675) or a TSO capture: use the captured length.
        var ipLength = Ipv6Header.Length + h.PayloadLength;
        if (h.PayloadLength == 0 && ip.Length > Ipv6Header.Length)
        {
            ipLength = ip.Length;
        }

        p.IpLength = ipLength;
        p.IsTruncated = ip.Length < ipLength;
        p.Ip = ip[..Math.Min(ip.Length, ipLength)];
        var captured = p.Ip;
        var off = Ipv6Header.Length;
        p.Protocol = next;
        p.IpHeaderLength = off;

        // RFC 8200 §4: walk hop-by-hop, routing, destination options, fragment and AH headers to the upper layer.
        for (var n = 0; n < MaxExtensionHeaders; n++)
        {
            int len;
            switch ((IpProtocol)next)
            {
                case IpProtocol.HopByHop:
                case IpProtocol.Ipv6Routing:
                case IpProtocol.Ipv6DestinationOptions:
                    if (captured.Length - off < 2)
                    {
                        return ExtensionShort(ipLength, off, 2, ref p);
                    }

                    len = (captured[off + 1] + 1) * 8; // RFC 8200 §4.3: 8-octet units, not counting the first 8
                    break;
                case IpProtocol.Ah:
                    if (captured.Length - off < 2)
                    {
                        return ExtensionShort(ipLength, off, 2, ref p);
                    }

                    len = (captured[off + 1] + 2) * 4; // RFC 4302 §2.2: 4-octet units, minus 2
                    break;
                case IpProtocol.Ipv6Fragment:
                    if (captured.Length - off < 8)
                    {
                        return ExtensionShort(ipLength, off, 8, ref p);
                    }

                    // RFC 8200 §4.5: 13-bit offset in 8-octet units, M flag in the low bit.
                    var fo = BinaryPrimitives.ReadUInt16BigEndian(captured[(off + 2)..]);
                    p.IsFragment = true;
                    p.FragmentOffset = fo & 0xFFF8;
                    p.MoreFragments = (fo & 1) != 0;
                    len = 8;
                    break;
                default:
                    p.Transport = captured[off..];
                    if (p.FragmentOffset != 0)
                    {
                        return ParseStatus.Fragment;
                    }

                    return DecodeTransport(ipLength - off, ref p);
            }

            if (off + len > ipLength)
            {
                return ParseStatus.BadHeaderLength;
            }

            if (off + len > captured.Length)
            {
                return ParseStatus.Truncated;
            }

            next = captured[off];
            off += len;
            p.Protocol = next;
            p.IpHeaderLength = off;
            if (p.FragmentOffset != 0)
            {
                // A later fragment: what follows is the middle of the original payload, not a header.
                p.Transport = captured[off..];
                return ParseStatus.Fragment;
            }
        }

        return ParseStatus.BadHeaderLength;
    }

    /// <summary>An extension header whose fixed part is cut: a snaplen cut, or a header past the packet's end.</summary>
    private static ParseStatus ExtensionShort(int ipLength, int off, int need, ref DecodedPacket p) =>
        off + need > ipLength ? ParseStatus.BadHeaderLength : ParseStatus.Truncated;

    /// <summary>
    /// The upper layer: only TCP is decoded; <paramref name="declaredLength"/> is the upper-layer length per the
    /// IP header (this fragment's share for a first fragment). When the snaplen cuts the TCP options, the status is
    /// Truncated but <see cref="DecodedPacket.HasTcp"/> is set and the fixed fields are usable.
    /// </summary>
    private static ParseStatus DecodeTransport(int declaredLength, ref DecodedPacket p)
    {
        if (p.Protocol != (byte)IpProtocol.Tcp)
        {
            return TryDecodeTunnel(ref p, out var inner) ? inner : ParseStatus.NotTcp;
        }

        var seg = p.Transport;
        var firstFragment = p.IsFragment;
        if (declaredLength < TcpHeader.MinLength)
        {
            return firstFragment ? ParseStatus.Fragment : ParseStatus.BadTotalLength;
        }

        if (seg.Length < TcpHeader.MinLength)
        {
            return ParseStatus.Truncated;
        }

        // RFC 9293 §3.1: the data offset counts 32-bit words and is at least 5.
        var hl = (seg[12] >> 4) * 4;
        if (hl < TcpHeader.MinLength)
        {
            return ParseStatus.BadDataOffset;
        }

        if (hl > declaredLength)
        {
            return firstFragment ? ParseStatus.Fragment : ParseStatus.BadDataOffset;
        }

        if (hl > seg.Length)
        {
            // Options cut by the snaplen: the fixed fields are still whole and worth having (Zeek and tshark use them).
            p.Tcp = TcpHeader.CreateCut(seg);
            p.HasTcp = true;
            p.TcpPayloadLength = declaredLength - hl;
            p.OptionsStatus = ParseStatus.Truncated;
            return ParseStatus.Truncated;
        }

        TcpHeader.TryRead(seg, out p.Tcp);
        p.HasTcp = true;
        p.TcpPayloadLength = declaredLength - hl;
        p.OptionsStatus = p.Tcp.Options.Validate();
        return ParseStatus.Ok;
    }
}
