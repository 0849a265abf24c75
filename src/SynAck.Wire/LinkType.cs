namespace SynAck.Wire;

/// <summary>
/// The link-layer header type of a capture, as the pcap <c>LINKTYPE_*</c> value (tcpdump.org/linktypes.html).
/// Values outside the enum may appear; <see cref="PacketDecoder"/> answers <see cref="ParseStatus.UnsupportedLinkType"/>.
/// </summary>
public enum LinkType : ushort
{
    /// <summary>BSD loopback: a 4-byte address family in the capturing host's byte order.</summary>
    Null = 0,

    /// <summary>Ethernet II, with 802.1Q/802.1ad tags, MPLS and PPPoE session encapsulations.</summary>
    Ethernet = 1,

    /// <summary>DLT_RAW as numbered on most BSDs; raw IPv4 or IPv6 (version nibble decides).</summary>
    RawBsd = 12,

    /// <summary>DLT_RAW as numbered on OpenBSD; raw IPv4 or IPv6.</summary>
    RawOpenBsd = 14,

    /// <summary>Raw IPv4 or IPv6 (version nibble decides).</summary>
    Raw = 101,

    /// <summary>OpenBSD loopback: a 4-byte address family (network byte order in theory; both orders accepted).</summary>
    Loop = 108,

    /// <summary>Linux cooked capture v1 (16-byte header).</summary>
    LinuxSll = 113,

    /// <summary>Raw IPv4 only.</summary>
    Ipv4 = 228,

    /// <summary>Raw IPv6 only.</summary>
    Ipv6 = 229,

    /// <summary>Linux cooked capture v2 (20-byte header).</summary>
    LinuxSll2 = 276,
}
