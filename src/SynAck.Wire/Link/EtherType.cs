namespace SynAck.Wire.Link;

/// <summary>EtherType values the decoder follows (IEEE 802 numbers registry).</summary>
public enum EtherType : ushort
{
    Ipv4 = 0x0800,
    Arp = 0x0806,

    /// <summary>IEEE 802.1Q customer VLAN tag.</summary>
    Vlan = 0x8100,
    Ipv6 = 0x86DD,

    /// <summary>MPLS unicast (RFC 3032).</summary>
    MplsUnicast = 0x8847,

    /// <summary>MPLS multicast (RFC 5332).</summary>
    MplsMulticast = 0x8848,

    /// <summary>PPPoE discovery stage (RFC 2516).</summary>
    PppoeDiscovery = 0x8863,

    /// <summary>PPPoE session stage (RFC 2516 §6).</summary>
    PppoeSession = 0x8864,

    /// <summary>IEEE 802.1ad service VLAN tag (QinQ outer tag).</summary>
    QinQ = 0x88A8,

    /// <summary>Pre-standard QinQ outer tag used by some vendors.</summary>
    QinQLegacy = 0x9100,

    /// <summary>IEEE 802.1ah provider backbone bridging I-TAG; a customer Ethernet frame follows.</summary>
    ProviderBackbone = 0x88E7,

    /// <summary>Transparent Ethernet bridging: an Ethernet frame follows (GRE, Geneve).</summary>
    TransparentEthernet = 0x6558,

    /// <summary>Cisco FabricPath: a 16-byte outer header, then the original Ethernet frame.</summary>
    FabricPath = 0x8903,

    /// <summary>Cisco VN-Tag (IEEE 802.1Qbh draft): a 4-byte tag, then the next EtherType.</summary>
    VnTag = 0x8926,
}
