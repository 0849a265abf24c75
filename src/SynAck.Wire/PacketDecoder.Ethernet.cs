using System.Buffers.Binary;
using SynAck.Wire.Link;

namespace SynAck.Wire;

public static partial class PacketDecoder
{
    private static ParseStatus DecodeEthernet(ReadOnlySpan<byte> frame, int offset, ref DecodedPacket p)
    {
        if (frame.Length - offset < EthernetFrame.HeaderLength)
        {
            return ParseStatus.Truncated;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 12)..]);
        return DecodeEtherType(type, frame, offset + EthernetFrame.HeaderLength, 0, ref p);
    }

    /// <summary>Follows VLAN tags, MPLS labels and PPPoE from <paramref name="offset"/> until an IP header.</summary>
    private static ParseStatus DecodeEtherType(ushort type, ReadOnlySpan<byte> frame, int offset, int depth, ref DecodedPacket p)
    {
        for (; depth < MaxEncapsulations; depth++)
        {
            p.EtherType = type;
            switch ((EtherType)type)
            {
                case EtherType.Ipv4:
                    return DecodeIp(frame, offset, 4, ref p);
                case EtherType.Ipv6:
                    return DecodeIp(frame, offset, 6, ref p);
                case EtherType.Vlan:
                case EtherType.QinQ:
                case EtherType.QinQLegacy:
                    // IEEE 802.1Q/802.1ad tag: 16-bit TCI (PCP, DEI, 12-bit VID), then the next type.
                    if (frame.Length - offset < 4)
                    {
                        return ParseStatus.Truncated;
                    }

                    if (p.VlanCount == 0)
                    {
                        p.VlanId = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]) & 0x0FFF);
                    }

                    p.VlanCount++;
                    type = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
                    offset += 4;
                    continue;
                case EtherType.VnTag:
                    // VN-Tag: 4 tag bytes, then the next type (the same shape as an 802.1Q tag, two bytes longer).
                    if (frame.Length - offset < 6)
                    {
                        return ParseStatus.Truncated;
                    }

                    type = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 4)..]);
                    offset += 6;
                    continue;
                case EtherType.ProviderBackbone when (p.Options & DecodeOptions.FollowTunnels) != 0:
                case EtherType.FabricPath when (p.Options & DecodeOptions.FollowTunnels) != 0:
                case EtherType.TransparentEthernet when (p.Options & DecodeOptions.FollowTunnels) != 0:
                    // 802.1ah: 4-byte I-TAG then the customer frame. FabricPath: 2 more bytes (FTAG, TTL) after the
                    // outer type, then the original frame. Transparent Ethernet: the frame follows at once.
                    var skip = type == (ushort)EtherType.ProviderBackbone ? 4 : type == (ushort)EtherType.FabricPath ? 2 : 0;
                    if (frame.Length - offset < skip + EthernetFrame.HeaderLength)
                    {
                        return ParseStatus.Truncated;
                    }

                    offset += skip;
                    type = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 12)..]);
                    offset += EthernetFrame.HeaderLength;
                    continue;
                case EtherType.MplsUnicast:
                case EtherType.MplsMulticast:
                    return DecodeMpls(frame, offset, depth, ref p);
                case EtherType.PppoeSession:
                    return DecodePppoe(frame, offset, ref p);
                default:
                    // ARP, LLDP, 802.3 lengths with LLC and everything else: a valid frame that is not IP.
                    return ParseStatus.NotIp;
            }
        }

        return ParseStatus.UnsupportedEtherType;
    }

    /// <summary>
    /// An MPLS label stack (RFC 3032 §2.1: 20-bit label, TC, S = bottom of stack, TTL). MPLS carries no payload type,
    /// so after the bottom entry the first nibble decides, as RFC 4928 §2 describes routers doing: 4 is IPv4, 6 is
    /// IPv6, 0 is the pseudowire control word of RFC 4385 §3, taken to precede an Ethernet frame (RFC 4448 §3, the
    /// common Ethernet pseudowire). A pseudowire without control word whose inner MAC starts with 4 or 6 is the
    /// ambiguity RFC 4928 warns about, and is decoded as IP.
    /// </summary>
    private static ParseStatus DecodeMpls(ReadOnlySpan<byte> frame, int offset, int depth, ref DecodedPacket p)
    {
        while (true)
        {
            if (frame.Length - offset < 4)
            {
                return ParseStatus.Truncated;
            }

            var entry = BinaryPrimitives.ReadUInt32BigEndian(frame[offset..]);
            if (p.MplsLabelCount == 0)
            {
                p.MplsLabel = entry >> 12;
            }

            if (p.MplsLabelCount < byte.MaxValue)
            {
                p.MplsLabelCount++;
            }

            offset += 4;
            if ((entry & 0x100) != 0)
            {
                break;
            }
        }

        if (offset >= frame.Length)
        {
            return ParseStatus.Truncated;
        }

        switch (frame[offset] >> 4)
        {
            case 4:
                return DecodeIp(frame, offset, 4, ref p);
            case 6:
                return DecodeIp(frame, offset, 6, ref p);
            case 0:
                if (depth + 1 >= MaxEncapsulations || frame.Length - offset < 4 + EthernetFrame.HeaderLength)
                {
                    return depth + 1 >= MaxEncapsulations ? ParseStatus.UnsupportedEtherType : ParseStatus.Truncated;
                }

                offset += 4;
                var inner = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 12)..]);
                return DecodeEtherType(inner, frame, offset + EthernetFrame.HeaderLength, depth + 1, ref p);
            default:
                return ParseStatus.UnsupportedEtherType;
        }
    }

    /// <summary>PPPoE session stage (RFC 2516 §4): ver/type 0x11, code 0, session id, length, then a PPP protocol (RFC 1661 §2).</summary>
    private static ParseStatus DecodePppoe(ReadOnlySpan<byte> frame, int offset, ref DecodedPacket p)
    {
        if (frame.Length - offset < 8)
        {
            return ParseStatus.Truncated;
        }

        p.PppoeSessionId = BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 2)..]);
        return BinaryPrimitives.ReadUInt16BigEndian(frame[(offset + 6)..]) switch
        {
            0x0021 => DecodeIp(frame, offset + 8, 4, ref p), // PPP IPv4 (RFC 1332)
            0x0057 => DecodeIp(frame, offset + 8, 6, ref p), // PPP IPv6 (RFC 5072)
            _ => ParseStatus.NotIp,
        };
    }
}
