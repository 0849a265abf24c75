using System.Buffers.Binary;

namespace SynAck.Wire.Ip;

/// <summary>
/// A zero-copy view of an IPv4 header (RFC 791 §3.1) over captured bytes. Hand-written rather than taken from a
/// packet library because none that is maintained parses without allocating per packet (PacketDotNet allocates a
/// packet object graph). After <see cref="TryRead"/> returns <see cref="ParseStatus.Ok"/> no getter can fail.
/// </summary>
public readonly ref struct Ipv4Header
{
    /// <summary>Header length without options.</summary>
    public const int MinLength = 20;

    private readonly ReadOnlySpan<byte> _b;

    private Ipv4Header(ReadOnlySpan<byte> b) => _b = b;

    /// <summary>
    /// Checks version 4, 5 &lt;= IHL, the whole header captured, and total length &gt;= header length (a total length
    /// of 0, as written by TCP segmentation offload, is allowed). The packet may be cut short after the header.
    /// </summary>
    public static ParseStatus TryRead(ReadOnlySpan<byte> b, out Ipv4Header h)
    {
        h = default;
        if (b.IsEmpty)
        {
            return ParseStatus.Truncated;
        }

        if (b[0] >> 4 != 4)
        {
            return ParseStatus.BadVersion;
        }

        if (b.Length < MinLength)
        {
            return ParseStatus.Truncated;
        }

        var hl = (b[0] & 0xF) * 4;
        if (hl < MinLength)
        {
            return ParseStatus.BadHeaderLength;
        }

        if (b.Length < hl)
        {
            return ParseStatus.Truncated;
        }

        var total = BinaryPrimitives.ReadUInt16BigEndian(b[2..]);
        if (total != 0 && total < hl)
        {
            return ParseStatus.BadTotalLength;
        }

        h = new Ipv4Header(b);
        return ParseStatus.Ok;
    }

    /// <summary>The captured bytes the view was read from (header, then whatever follows).</summary>
    public ReadOnlySpan<byte> Bytes => _b;

    public int Version => _b[0] >> 4;

    /// <summary>Header length in bytes (IHL × 4).</summary>
    public int HeaderLength => (_b[0] & 0xF) * 4;

    /// <summary>The DSCP/ECN byte (RFC 2474, RFC 3168 §5).</summary>
    public byte TypeOfService => _b[1];

    /// <summary>The ECN field, the low two bits of <see cref="TypeOfService"/> (RFC 3168 §5).</summary>
    public int Ecn => _b[1] & 0x3;

    /// <summary>Total length field in bytes (0 in TSO captures).</summary>
    public ushort TotalLength => BinaryPrimitives.ReadUInt16BigEndian(_b[2..]);

    public ushort Identification => BinaryPrimitives.ReadUInt16BigEndian(_b[4..]);

    /// <summary>The DF flag.</summary>
    public bool DontFragment => (_b[6] & 0x40) != 0;

    /// <summary>The MF flag.</summary>
    public bool MoreFragments => (_b[6] & 0x20) != 0;

    /// <summary>Fragment offset in bytes (the field is in 8-byte units).</summary>
    public int FragmentOffset => (BinaryPrimitives.ReadUInt16BigEndian(_b[6..]) & 0x1FFF) * 8;

    /// <summary>True for any fragment: MF set or a non-zero offset (RFC 791 §3.2).</summary>
    public bool IsFragment => (BinaryPrimitives.ReadUInt16BigEndian(_b[6..]) & 0x3FFF) != 0;

    public byte Ttl => _b[8];

    public byte Protocol => _b[9];

    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_b[10..]);

    public IpAddr Source => IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(_b[12..]));

    public IpAddr Destination => IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(_b[16..]));

    /// <summary>The header bytes (options included).</summary>
    public ReadOnlySpan<byte> HeaderBytes => _b[..HeaderLength];

    public ReadOnlySpan<byte> Options => _b[MinLength..HeaderLength];

    /// <summary>IP length per the header: total length, or the captured length when the field is 0 (TSO).</summary>
    public int PacketLength => TotalLength == 0 ? _b.Length : TotalLength;

    /// <summary>Payload bytes as captured, without link-layer padding beyond the total length.</summary>
    public ReadOnlySpan<byte> Payload => _b[HeaderLength..Math.Min(_b.Length, PacketLength)];

    /// <summary>True when the header checksum verifies (RFC 791 §3.1, RFC 1071).</summary>
    public bool ChecksumValid => InternetChecksum.Verify(HeaderBytes);
}
