namespace SynAck.Wire;

/// <summary>
/// The pseudo-header a TCP or UDP checksum covers: RFC 9293 §3.1 (IPv4: source, destination, zero, protocol,
/// 16-bit TCP length) and RFC 8200 §8.1 (IPv6: source, destination, 32-bit upper-layer length, next header).
/// Both forms add up to the same 16-bit words, which <see cref="InternetChecksum.PseudoHeaderSum"/> uses.
/// </summary>
/// <param name="Source">Source address (both addresses must be the same family).</param>
/// <param name="Destination">Destination address.</param>
/// <param name="Protocol">Upper-layer protocol number (6 for TCP).</param>
/// <param name="Length">Upper-layer length in bytes: header plus payload.</param>
public readonly record struct IpPseudoHeader(IpAddr Source, IpAddr Destination, byte Protocol, int Length)
{
    /// <summary>A TCP pseudo-header; <paramref name="length"/> may be left 0 when passed to <c>TcpRepr.Emit</c>, which fills it.</summary>
    public static IpPseudoHeader ForTcp(IpAddr source, IpAddr destination, int length = 0) =>
        new(source, destination, 6, length);
}
