namespace SynAck.Wire;

/// <summary>
/// Outcome of reading a header or decoding a frame. Bad input is data: readers return one of these and never throw,
/// so callers can count packets per reason.
/// </summary>
public enum ParseStatus : byte
{
    /// <summary>Read completely; for <see cref="PacketDecoder"/>, a whole TCP header was decoded.</summary>
    Ok,

    /// <summary>The captured bytes end before the header does (a snaplen cut or a short buffer).</summary>
    Truncated,

    /// <summary>A header length field is impossible (IPv4 IHL below 5, an IPv6 extension header past the packet).</summary>
    BadHeaderLength,

    /// <summary>The IP version nibble is not the expected 4 or 6.</summary>
    BadVersion,

    /// <summary>The IP total/payload length is smaller than the headers it must contain.</summary>
    BadTotalLength,

    /// <summary>The capture's link type is not one this decoder knows.</summary>
    UnsupportedLinkType,

    /// <summary>An encapsulation whose payload cannot be identified (e.g. an MPLS payload that is neither IP nor a control word).</summary>
    UnsupportedEtherType,

    /// <summary>The frame is well formed but carries something other than IP (ARP, LLDP, ...).</summary>
    NotIp,

    /// <summary>The IP packet is well formed but carries another protocol (see <see cref="DecodedPacket.Protocol"/>).</summary>
    NotTcp,

    /// <summary>An IP fragment that does not hold a whole TCP header (a non-first fragment, or a first one too short).</summary>
    Fragment,

    /// <summary>The TCP data offset is below 5 or points past the segment.</summary>
    BadDataOffset,

    /// <summary>A TCP option's length is malformed; the fixed header is still usable.</summary>
    BadOption,

    /// <summary>A checksum does not verify.</summary>
    BadChecksum,
}
