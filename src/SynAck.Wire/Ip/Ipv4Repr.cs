using System.Buffers.Binary;

namespace SynAck.Wire.Ip;

/// <summary>
/// The IPv4 header fields a host sets when sending (RFC 791 §3.1): emitted as a 20-byte header without options,
/// never fragmented by this code.
/// </summary>
public readonly record struct Ipv4Repr
{
    /// <summary>Emitted header length (no options).</summary>
    public const int HeaderLength = Ipv4Header.MinLength;

    public IpAddr Source { get; init; }

    public IpAddr Destination { get; init; }

    public byte Protocol { get; init; }

    /// <summary>Bytes after the header.</summary>
    public int PayloadLength { get; init; }

    /// <summary>Time to live; 64 by default (RFC 1700 recommendation used by Linux).</summary>
    public byte Ttl { get; init; } = 64;

    public ushort Identification { get; init; }

    public bool DontFragment { get; init; }

    /// <summary>The DSCP/ECN byte.</summary>
    public byte TypeOfService { get; init; }

    public Ipv4Repr()
    {
    }

    /// <summary>The total length this header announces.</summary>
    public int TotalLength => HeaderLength + PayloadLength;

    /// <summary>The pseudo-header for the upper-layer checksum.</summary>
    public IpPseudoHeader PseudoHeader => new(Source, Destination, Protocol, PayloadLength);

    /// <summary>
    /// Reads the fields from a view. Options are skipped (their length is in the view); fragments are accepted and
    /// their <see cref="PayloadLength"/> is this fragment's.
    /// </summary>
    public static ParseStatus TryParse(in Ipv4Header h, out Ipv4Repr r)
    {
        r = new Ipv4Repr
        {
            Source = h.Source,
            Destination = h.Destination,
            Protocol = h.Protocol,
            PayloadLength = h.PacketLength - h.HeaderLength,
            Ttl = h.Ttl,
            Identification = h.Identification,
            DontFragment = h.DontFragment,
            TypeOfService = h.TypeOfService,
        };
        return ParseStatus.Ok;
    }

    /// <summary>Writes the 20-byte header with its checksum; returns 20. Throws when the fields cannot be encoded.</summary>
    public int Emit(Span<byte> dest)
    {
        if (dest.Length < HeaderLength)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(dest), HeaderLength);
        }

        if (Source.IsV6 || Destination.IsV6)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(Source), "IPv4 header with an IPv6 address.");
        }

        if ((uint)TotalLength > ushort.MaxValue)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(PayloadLength), "IPv4 total length exceeds 65535.");
        }

        dest[0] = 0x45;
        dest[1] = TypeOfService;
        BinaryPrimitives.WriteUInt16BigEndian(dest[2..], (ushort)TotalLength);
        BinaryPrimitives.WriteUInt16BigEndian(dest[4..], Identification);
        BinaryPrimitives.WriteUInt16BigEndian(dest[6..], DontFragment ? (ushort)0x4000 : (ushort)0);
        dest[8] = Ttl;
        dest[9] = Protocol;
        BinaryPrimitives.WriteUInt16BigEndian(dest[10..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(dest[12..], Source.V4);
        BinaryPrimitives.WriteUInt32BigEndian(dest[16..], Destination.V4);
        BinaryPrimitives.WriteUInt16BigEndian(dest[10..], InternetChecksum.Compute(dest[..HeaderLength]));
        return HeaderLength;
    }
}
