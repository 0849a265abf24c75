using SynAck.Wire.Ip;

namespace SynAck.Wire;

/// <summary>
/// Checksum verification for decoded packets (off by default in the tools: loopback and offloaded captures carry
/// checksums the NIC never filled in).
/// </summary>
public static class PacketChecksums
{
    /// <summary>Verifies the IPv4 header checksum (RFC 791 §3.1); false when the packet has no whole IPv4 header.</summary>
    public static bool TryVerifyIpv4Header(in DecodedPacket p, out bool ok)
    {
        ok = false;
        if (p.IpVersion != 4 || p.IpHeaderLength < Ipv4Header.MinLength || p.Ip.Length < p.IpHeaderLength)
        {
            return false;
        }

        ok = InternetChecksum.Verify(p.Ip[..p.IpHeaderLength]);
        return true;
    }

    /// <summary>
    /// Verifies the TCP checksum over the IPv4 or IPv6 pseudo-header (RFC 9293 §3.1, RFC 8200 §8.1); false when the
    /// segment is not whole: no TCP header, a fragment, or a snaplen cut.
    /// </summary>
    public static bool TryVerifyTcp(in DecodedPacket p, out bool ok)
    {
        ok = false;
        var length = p.IpLength - p.IpHeaderLength;
        if (!p.HasTcp || p.IsFragment || p.IsTruncated || p.Transport.Length != length)
        {
            return false;
        }

        ok = InternetChecksum.VerifyWithPseudoHeader(new IpPseudoHeader(p.Source, p.Destination, p.Protocol, length), p.Transport);
        return true;
    }
}
