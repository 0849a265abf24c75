namespace SynAck.Wire.Ip;

/// <summary>IP protocol / IPv6 next-header numbers the decoder knows (IANA protocol-numbers registry).</summary>
public enum IpProtocol : byte
{
    /// <summary>IPv6 hop-by-hop options (RFC 8200 §4.3).</summary>
    HopByHop = 0,
    Icmp = 1,
    Tcp = 6,
    Udp = 17,

    /// <summary>IPv6 routing header (RFC 8200 §4.4).</summary>
    Ipv6Routing = 43,

    /// <summary>IPv6 fragment header (RFC 8200 §4.5).</summary>
    Ipv6Fragment = 44,

    /// <summary>Encapsulating security payload (RFC 4303): the rest is encrypted.</summary>
    Esp = 50,

    /// <summary>Authentication header (RFC 4302).</summary>
    Ah = 51,
    Icmpv6 = 58,

    /// <summary>IPv6 "no next header" (RFC 8200 §4.7).</summary>
    NoNextHeader = 59,

    /// <summary>IPv6 destination options (RFC 8200 §4.6).</summary>
    Ipv6DestinationOptions = 60,
}
