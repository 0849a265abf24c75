namespace SynAck.Wire;

/// <summary>An IP-level tunnel <see cref="PacketDecoder"/> followed to reach the inner packet.</summary>
public enum TunnelKind : byte
{
    /// <summary>No tunnel: the decoded IP header is the outermost.</summary>
    None = 0,

    /// <summary>IPv4 or IPv6 directly inside IP (protocol 4 or 41; RFC 2003, RFC 4213).</summary>
    IpInIp,

    /// <summary>Generic routing encapsulation (protocol 47; RFC 2784, RFC 2890).</summary>
    Gre,

    /// <summary>VXLAN over UDP port 4789 (RFC 7348).</summary>
    Vxlan,

    /// <summary>Geneve over UDP port 6081 (RFC 8926).</summary>
    Geneve,

    /// <summary>GTP-U version 1 over UDP port 2152 (3GPP TS 29.281).</summary>
    GtpU,

    /// <summary>Teredo: IPv6 over UDP port 3544, or any UDP port by content (RFC 4380).</summary>
    Teredo,
}
