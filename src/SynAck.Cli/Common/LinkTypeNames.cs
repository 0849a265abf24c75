using SynAck.Wire;

namespace SynAck.Cli.Common;

/// <summary>Display names of pcap LINKTYPE_ values (tcpdump.org/linktypes.html), as capinfos prints them.</summary>
public static class LinkTypeNames
{
    public static string Name(ushort linkType) => (LinkType)linkType switch
    {
        LinkType.Null => "BSD loopback",
        LinkType.Ethernet => "Ethernet",
        LinkType.Raw or LinkType.RawBsd or LinkType.RawOpenBsd => "Raw IP",
        LinkType.Loop => "OpenBSD loopback",
        LinkType.LinuxSll => "Linux cooked (SLL)",
        LinkType.Ipv4 => "Raw IPv4",
        LinkType.Ipv6 => "Raw IPv6",
        LinkType.LinuxSll2 => "Linux cooked v2 (SLL2)",
        _ => "unsupported",
    };

    /// <summary>"Ethernet (1)".</summary>
    public static string Describe(ushort linkType) => $"{Name(linkType)} ({linkType})";
}
