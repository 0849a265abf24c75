using SynAck.Wire.Tcp;

namespace SynAck.Wire;

/// <summary>
/// What <see cref="PacketDecoder"/> found in one frame: link encapsulation, IP header fields and, when
/// <see cref="HasTcp"/>, the TCP header view. Filled as far as the bytes go, so a packet that is not Ok still
/// carries what was decoded before the problem. Spans point into the caller's frame.
/// </summary>
public ref struct DecodedPacket
{
    /// <summary>Ok when a whole TCP header was decoded; otherwise why decoding stopped.</summary>
    public ParseStatus Status;

    /// <summary>The link type the frame was decoded as.</summary>
    public LinkType Link;

    /// <summary>What the decoder was asked to follow.</summary>
    public DecodeOptions Options;

    /// <summary>0 (no IP header decoded), 4 or 6.</summary>
    public byte IpVersion;

    public IpAddr Source;

    public IpAddr Destination;

    /// <summary>Final upper-layer protocol (6 TCP, 17 UDP, 1/58 ICMP) after IPv6 extension headers.</summary>
    public byte Protocol;

    /// <summary>IPv4 TTL or IPv6 hop limit.</summary>
    public byte Ttl;

    /// <summary>IP packet length per the IP header: IPv4 total length, IPv6 40 + payload length (captured length when the field is 0, as TSO captures write).</summary>
    public int IpLength;

    /// <summary>Bytes from the IP header to the upper-layer header: IPv4 IHL × 4, IPv6 40 plus extension headers.</summary>
    public int IpHeaderLength;

    /// <summary>Any fragment: IPv4 MF set or offset != 0, or an IPv6 fragment header.</summary>
    public bool IsFragment;

    /// <summary>Fragment offset in bytes (0 for the first fragment and for unfragmented packets).</summary>
    public int FragmentOffset;

    /// <summary>The more-fragments flag.</summary>
    public bool MoreFragments;

    /// <summary>Captured bytes end before what the headers announce (a snaplen cut).</summary>
    public bool IsTruncated;

    /// <summary>The IP packet as captured, from the IP header, without link padding past <see cref="IpLength"/>.</summary>
    public ReadOnlySpan<byte> Ip;

    /// <summary>The upper-layer bytes as captured (TCP/UDP/ICMP header onward), without link padding.</summary>
    public ReadOnlySpan<byte> Transport;

    /// <summary>
    /// True when <see cref="Tcp"/> holds the fixed 20-byte TCP header: always with <see cref="ParseStatus.Ok"/>, and
    /// also with <see cref="ParseStatus.Truncated"/> when the snaplen cut the options (<c>Tcp.IsHeaderComplete</c> false).
    /// </summary>
    public bool HasTcp;

    /// <summary>The TCP header view; valid when <see cref="HasTcp"/>.</summary>
    public TcpHeader Tcp;

    /// <summary>TCP payload length from the IP header (Ethernet padding and snaplen cuts do not change it).</summary>
    public int TcpPayloadLength;

    /// <summary>Ok; <see cref="ParseStatus.BadOption"/> when the TCP options are malformed (the header is still usable and Status stays Ok); Truncated when the snaplen cut them.</summary>
    public ParseStatus OptionsStatus;

    /// <summary>Offset of the IP header in the frame (link header, tags, labels and PPPoE included).</summary>
    public int LinkHeaderLength;

    /// <summary>The innermost EtherType seen (or the SLL protocol); 0 for links without one.</summary>
    public ushort EtherType;

    /// <summary>VLAN id of the outermost 802.1Q/802.1ad tag.</summary>
    public ushort VlanId;

    /// <summary>Number of VLAN tags (2 for QinQ).</summary>
    public byte VlanCount;

    /// <summary>Label of the top MPLS stack entry (RFC 3032 §2.1).</summary>
    public uint MplsLabel;

    /// <summary>Number of MPLS stack entries.</summary>
    public byte MplsLabelCount;

    /// <summary>PPPoE session id when the frame was PPPoE (RFC 2516 §4).</summary>
    public ushort PppoeSessionId;

    /// <summary>Number of IP-level tunnels followed (only with <see cref="DecodeOptions.FollowTunnels"/>); the IP and TCP fields above then describe the innermost packet.</summary>
    public byte TunnelDepth;

    /// <summary>
    /// The tunnel directly around the decoded packet (the innermost one when tunnels nest), or
    /// <see cref="TunnelKind.None"/>. The Outer* fields below describe the IP packet that carried it: together they
    /// identify the tunnel the way Zeek's <c>tunnel_parents</c> does (the last entry of its encapsulation stack).
    /// </summary>
    public TunnelKind Tunnel;

    /// <summary>Source of the IP header carrying <see cref="Tunnel"/> when <see cref="TunnelDepth"/> &gt; 0.</summary>
    public IpAddr OuterSource;

    /// <summary>Destination of the IP header carrying <see cref="Tunnel"/> when <see cref="TunnelDepth"/> &gt; 0.</summary>
    public IpAddr OuterDestination;

    /// <summary>Protocol of the IP packet carrying <see cref="Tunnel"/> (4, 41, 47 or 17) when <see cref="TunnelDepth"/> &gt; 0.</summary>
    public byte OuterProtocol;

    /// <summary>UDP source port of <see cref="Tunnel"/> (VXLAN, Geneve, GTP-U, Teredo); 0 otherwise.</summary>
    public ushort OuterSourcePort;

    /// <summary>UDP destination port of <see cref="Tunnel"/> (VXLAN, Geneve, GTP-U, Teredo); 0 otherwise.</summary>
    public ushort OuterDestinationPort;

    /// <summary>IP length of the IP packet carrying <see cref="Tunnel"/> when <see cref="TunnelDepth"/> &gt; 0.</summary>
    public int OuterIpLength;

    /// <summary>
    /// An enclosing IP packet is a fragment: its first fragment is followed into the tunnel, so the inner packet's
    /// bytes past that fragment are missing from the capture view (they are in later frames, not cut by the snaplen).
    /// </summary>
    public bool OuterIsFragment;
}
