using System.Buffers.Binary;
using SynAck.Wire.Ip;
using SynAck.Wire.Link;

namespace SynAck.Wire;

public static partial class PacketDecoder
{
    /// <summary>Most nested IP-level tunnels followed (bounds recursion).</summary>
    private const int MaxTunnelDepth = 4;

    private const ushort VxlanPort = 4789;
    private const ushort GenevePort = 6081;
    private const ushort GtpUserPort = 2152;
    private const ushort TeredoPort = 3544;

    /// <summary>Inner payload kinds: an Ethernet frame, or IP by version nibble / exact version.</summary>
    private const int InnerEthernet = -1;
    private const int InnerIpAny = 0;

    /// <summary>
    /// Follows an IP-level tunnel to the inner packet, as tshark and Zeek do. The inner packet replaces the outer one
    /// in <paramref name="p"/> only when an inner IP header is found (or the inner bytes are cut short); otherwise the
    /// outer packet stands and the caller reports <see cref="ParseStatus.NotTcp"/>. Outer addresses, protocol and UDP
    /// ports are kept in the Outer* fields.
    /// </summary>
    private static bool TryDecodeTunnel(ref DecodedPacket p, out ParseStatus status)
    {
        status = ParseStatus.NotTcp;
        if ((p.Options & DecodeOptions.FollowTunnels) == 0 || p.TunnelDepth >= MaxTunnelDepth)
        {
            return false;
        }

        var t = p.Transport;
        int offset;
        int version;
        TunnelKind kind;
        ushort sport = 0, dport = 0;
        switch ((IpProtocol)p.Protocol)
        {
            case (IpProtocol)4:
                (kind, offset, version) = (TunnelKind.IpInIp, 0, 4);
                break;
            case (IpProtocol)41:
                (kind, offset, version) = (TunnelKind.IpInIp, 0, 6);
                break;
            case (IpProtocol)47:
                if (!TryGre(t, out offset, out version))
                {
                    return false;
                }

                kind = TunnelKind.Gre;
                break;
            case IpProtocol.Udp:
                if (t.Length < 8)
                {
                    return false;
                }

                sport = BinaryPrimitives.ReadUInt16BigEndian(t);
                dport = BinaryPrimitives.ReadUInt16BigEndian(t[2..]);
                if (!TryUdpTunnel(t, sport, dport, out kind, out offset, out version))
                {
                    return false;
                }

                break;
            default:
                return false;
        }

        var inner = default(DecodedPacket);
        inner.Link = p.Link;
        inner.Options = p.Options;
        inner.EtherType = p.EtherType;
        inner.VlanId = p.VlanId;
        inner.VlanCount = p.VlanCount;
        inner.MplsLabel = p.MplsLabel;
        inner.MplsLabelCount = p.MplsLabelCount;
        inner.PppoeSessionId = p.PppoeSessionId;
        inner.TunnelDepth = (byte)(p.TunnelDepth + 1);

        // The tunnel directly around the inner packet: Zeek names this one (the last of the encapsulation stack)
        // in conn.log's tunnel_parents. A fragment anywhere on the way out is remembered.
        inner.Tunnel = kind;
        inner.OuterSource = p.Source;
        inner.OuterDestination = p.Destination;
        inner.OuterProtocol = p.Protocol;
        inner.OuterSourcePort = sport;
        inner.OuterDestinationPort = dport;
        inner.OuterIpLength = p.IpLength;
        inner.OuterIsFragment = p.IsFragment || p.OuterIsFragment;

        var innerStatus = version == InnerEthernet ? DecodeEthernet(t, offset, ref inner) : DecodeIp(t, offset, version, ref inner);
        if (inner.IpVersion == 0 && innerStatus != ParseStatus.Truncated)
        {
            return false;
        }

        // Offsets were relative to the outer payload: make the IP header offset absolute in the frame.
        inner.LinkHeaderLength += p.LinkHeaderLength + p.IpHeaderLength;
        inner.IsTruncated |= p.IsTruncated || innerStatus == ParseStatus.Truncated;
        p = inner;
        status = innerStatus;
        return true;
    }

    /// <summary>
    /// GRE version 0 (RFC 2784 §2, RFC 2890 §2): 4 bytes plus 4 for each of the checksum, key and sequence flags.
    /// Enhanced GRE (version 1, PPTP) and the deprecated routing flag are not followed.
    /// </summary>
    private static bool TryGre(ReadOnlySpan<byte> t, out int offset, out int version)
    {
        offset = version = 0;
        if (t.Length < 4)
        {
            return false;
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(t);
        if ((flags & 0x4007) != 0)
        {
            return false;
        }

        offset = 4 + ((flags & 0x8000) != 0 ? 4 : 0) + ((flags & 0x2000) != 0 ? 4 : 0) + ((flags & 0x1000) != 0 ? 4 : 0);
        version = InnerFromEtherType(BinaryPrimitives.ReadUInt16BigEndian(t[2..]));
        return version != InnerIpAny;
    }

    /// <summary>The inner payload for a GRE/Geneve protocol type; <see cref="InnerIpAny"/> when not followed.</summary>
    private static int InnerFromEtherType(ushort type) => type switch
    {
        (ushort)EtherType.Ipv4 => 4,
        (ushort)EtherType.Ipv6 => 6,
        (ushort)EtherType.TransparentEthernet => InnerEthernet,
        _ => InnerIpAny,
    };

    /// <summary>UDP tunnels by well-known port: VXLAN, Geneve and GTP-U.</summary>
    private static bool TryUdpTunnel(ReadOnlySpan<byte> t, ushort sport, ushort dport, out TunnelKind kind, out int offset, out int version)
    {
        kind = TunnelKind.None;
        offset = version = 0;
        var u = t[8..];
        if (dport == VxlanPort)
        {
            // RFC 7348 §5: 8 bytes, I flag (0x08) set; an Ethernet frame follows.
            kind = TunnelKind.Vxlan;
            offset = 16;
            version = InnerEthernet;
            return u.Length >= 8 && (u[0] & 0x08) != 0;
        }

        if (dport == GenevePort)
        {
            // RFC 8926 §3.4: version 0, option length in 4-byte units, protocol type is an EtherType.
            if (u.Length < 8 || u[0] >> 6 != 0)
            {
                return false;
            }

            kind = TunnelKind.Geneve;
            offset = 8 + 8 + ((u[0] & 0x3F) * 4);
            version = InnerFromEtherType(BinaryPrimitives.ReadUInt16BigEndian(u[2..]));
            return version != InnerIpAny;
        }

        if (dport == GtpUserPort || sport == GtpUserPort)
        {
            kind = TunnelKind.GtpU;
            if (!TryGtpU(u, out var gtpLength))
            {
                return false;
            }

            offset = 8 + gtpLength;
            version = InnerIpAny;
            return true;
        }

        // Teredo (RFC 4380 §5.1.1): on its port, or found by content on any port as Zeek's protocol detection does.
        if (dport == TeredoPort || sport == TeredoPort || LooksLikeTeredo(u))
        {
            kind = TunnelKind.Teredo;
            if (!TryTeredo(u, out var teredoLength))
            {
                return false;
            }

            offset = 8 + teredoLength;
            version = 6;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Teredo encapsulation (RFC 4380 §5.1.1): an optional authentication indicator (type 1: 4 bytes, client id,
    /// authentication value, 8-byte nonce, confirmation byte), an optional origin indication (type 0, 8 bytes),
    /// then an IPv6 packet of at least 40 bytes. Returns the length before the IPv6 header.
    /// </summary>
    private static bool TryTeredo(ReadOnlySpan<byte> u, out int length)
    {
        length = 0;
        var origin = false;
        var auth = false;
        while (true)
        {
            var rest = u[length..];
            if (rest.Length < 2)
            {
                return false;
            }

            var tag = BinaryPrimitives.ReadUInt16BigEndian(rest);
            if (tag == 0 && !origin && rest.Length >= 8)
            {
                origin = true;
                length += 8;
            }
            else if (tag == 1 && !origin && !auth && rest.Length >= 4 && rest.Length >= 4 + rest[2] + rest[3] + 9)
            {
                auth = true;
                length += 4 + rest[2] + rest[3] + 9;
            }
            else
            {
                return rest[0] >> 4 == 6 && rest.Length >= 40;
            }
        }
    }

    /// <summary>
    /// Teredo on a port other than 3544, by content, following Zeek's detection: an IPv6 header whose source or
    /// destination is in the Teredo prefix 2001:0::/32 (RFC 4380 §2.6), or an authentication indicator and/or origin
    /// indication followed by an IPv6 header.
    /// </summary>
    private static bool LooksLikeTeredo(ReadOnlySpan<byte> u)
    {
        if (u.Length < 40)
        {
            return false;
        }

        if (u[0] >> 4 == 6)
        {
            return BinaryPrimitives.ReadUInt32BigEndian(u[8..]) == 0x2001_0000 || BinaryPrimitives.ReadUInt32BigEndian(u[24..]) == 0x2001_0000;
        }

        if (u[0] != 0)
        {
            return false;
        }

        var rest = u;
        if (rest[1] == 1)
        {
            var skip = 13 + rest[2] + rest[3];
            if (rest.Length < skip + 40)
            {
                return false;
            }

            rest = rest[skip..];
            if (rest[0] != 0 || rest[1] != 0)
            {
                return false;
            }
        }
        else if (rest[1] != 0)
        {
            return false;
        }

        return rest.Length >= 48 && rest[8] >> 4 == 6;
    }

    /// <summary>
    /// GTPv1-U (3GPP TS 29.281 §5.1): version 1, PT 1, message type 255 (G-PDU); 8 bytes, 4 more when E, S or PN is
    /// set, then extension headers (length in 4-byte units, next type in the last byte). The T-PDU is an IP packet.
    /// </summary>
    private static bool TryGtpU(ReadOnlySpan<byte> g, out int length)
    {
        length = 0;
        if (g.Length < 8 || g[0] >> 5 != 1 || (g[0] & 0x10) == 0 || g[1] != 0xFF)
        {
            return false;
        }

        var offset = 8;
        if ((g[0] & 0x07) != 0)
        {
            if (g.Length < 12)
            {
                return false;
            }

            var next = g[11];
            offset = 12;
            while ((g[0] & 0x04) != 0 && next != 0)
            {
                if (g.Length - offset < 1 || g[offset] == 0)
                {
                    return false;
                }

                var len = g[offset] * 4;
                if (g.Length - offset < len)
                {
                    return false;
                }

                next = g[offset + len - 1];
                offset += len;
            }
        }

        length = offset;
        return offset < g.Length && (g[offset] >> 4) is 4 or 6;
    }
}
