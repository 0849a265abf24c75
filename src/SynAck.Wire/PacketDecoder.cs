using System.Buffers.Binary;

namespace SynAck.Wire;

/// <summary>
/// Whole-frame decoding: link, encapsulations, IP, TCP, as far as the bytes go. Never throws and never allocates;
/// every bound is checked against the captured bytes. Hand-written because no maintained .NET library decodes
/// frames without allocating per packet (PacketDotNet builds a packet object graph).
/// </summary>
public static partial class PacketDecoder
{
    /// <summary>Most nested encapsulations followed (tags, labels, inner Ethernet) before giving up.</summary>
    private const int MaxEncapsulations = 16;

    // BSD address families for IPv6 (NetBSD/OpenBSD, FreeBSD/DragonFly, Darwin); AF_INET is 2 everywhere.
    private const uint AfInet = 2;
    private const uint AfInet6Bsd = 24;
    private const uint AfInet6FreeBsd = 28;
    private const uint AfInet6Darwin = 30;

    /// <summary>Decodes <paramref name="frame"/> captured with link type <paramref name="link"/>; returns <c>p.Status</c>.</summary>
    public static ParseStatus Decode(LinkType link, ReadOnlySpan<byte> frame, out DecodedPacket p) =>
        Decode(link, frame, DecodeOptions.None, out p);

    /// <summary>Decodes <paramref name="frame"/>, following what <paramref name="options"/> asks; returns <c>p.Status</c>.</summary>
    public static ParseStatus Decode(LinkType link, ReadOnlySpan<byte> frame, DecodeOptions options, out DecodedPacket p)
    {
        p = default;
        p.Link = link;
        p.Options = options;
        var status = DecodeLink(link, frame, ref p);
        p.Status = status;
        if (status == ParseStatus.Truncated)
        {
            p.IsTruncated = true;
        }

        return status;
    }

    private static ParseStatus DecodeLink(LinkType link, ReadOnlySpan<byte> frame, ref DecodedPacket p)
    {
        switch (link)
        {
            case LinkType.Ethernet:
                return DecodeEthernet(frame, 0, ref p);
            case LinkType.Raw:
            case LinkType.RawBsd:
            case LinkType.RawOpenBsd:
                return DecodeIp(frame, 0, 0, ref p);
            case LinkType.Ipv4:
                return DecodeIp(frame, 0, 4, ref p);
            case LinkType.Ipv6:
                return DecodeIp(frame, 0, 6, ref p);
            case LinkType.Null:
            case LinkType.Loop:
                return DecodeNull(frame, ref p);
            case LinkType.LinuxSll:
                // 16 bytes: packet type, ARPHRD type, address length, 8 address bytes, protocol (EtherType).
                if (frame.Length < 16)
                {
                    return ParseStatus.Truncated;
                }

                return DecodeEtherType(BinaryPrimitives.ReadUInt16BigEndian(frame[14..]), frame, 16, 0, ref p);
            case LinkType.LinuxSll2:
                // 20 bytes: protocol (EtherType), reserved, interface index, ARPHRD type, packet type, address length, 8 address bytes.
                if (frame.Length < 20)
                {
                    return ParseStatus.Truncated;
                }

                return DecodeEtherType(BinaryPrimitives.ReadUInt16BigEndian(frame), frame, 20, 0, ref p);
            default:
                return ParseStatus.UnsupportedLinkType;
        }
    }

    /// <summary>
    /// BSD NULL and OpenBSD LOOP: a 4-byte address family. NULL writes it in the capturing host's byte order and
    /// LOOP in network order, but files from both kinds of hosts exist, so both orders are accepted (a family
    /// value fits in 16 bits, so the order is visible).
    /// </summary>
    private static ParseStatus DecodeNull(ReadOnlySpan<byte> frame, ref DecodedPacket p)
    {
        if (frame.Length < 4)
        {
            return ParseStatus.Truncated;
        }

        var af = BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if ((af & 0xFFFF_0000) != 0)
        {
            af = BinaryPrimitives.ReverseEndianness(af);
        }

        return af switch
        {
            AfInet => DecodeIp(frame, 4, 4, ref p),
            AfInet6Bsd or AfInet6FreeBsd or AfInet6Darwin => DecodeIp(frame, 4, 6, ref p),
            _ => ParseStatus.NotIp,
        };
    }
}
