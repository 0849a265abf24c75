using System.Buffers.Binary;

namespace SynAck.Wire.Ip;

/// <summary>
/// A zero-copy view of the fixed IPv6 header (RFC 8200 §3). Hand-written for the same reason as
/// <see cref="Ipv4Header"/>: no maintained library parses without allocating. Extension headers are walked by
/// <see cref="PacketDecoder"/>.
/// </summary>
public readonly ref struct Ipv6Header
{
    /// <summary>The fixed header length.</summary>
    public const int Length = 40;

    private readonly ReadOnlySpan<byte> _b;

    private Ipv6Header(ReadOnlySpan<byte> b) => _b = b;

    /// <summary>Checks version 6 and the 40 fixed bytes captured.</summary>
    public static ParseStatus TryRead(ReadOnlySpan<byte> b, out Ipv6Header h)
    {
        h = default;
        if (b.IsEmpty)
        {
            return ParseStatus.Truncated;
        }

        if (b[0] >> 4 != 6)
        {
            return ParseStatus.BadVersion;
        }

        if (b.Length < Length)
        {
            return ParseStatus.Truncated;
        }

        h = new Ipv6Header(b);
        return ParseStatus.Ok;
    }

    /// <summary>The captured bytes the view was read from.</summary>
    public ReadOnlySpan<byte> Bytes => _b;

    public int Version => _b[0] >> 4;

    public byte TrafficClass => (byte)(BinaryPrimitives.ReadUInt16BigEndian(_b) >> 4);

    /// <summary>The 20-bit flow label.</summary>
    public uint FlowLabel => BinaryPrimitives.ReadUInt32BigEndian(_b) & 0xF_FFFF;

    /// <summary>Payload length field: bytes after the fixed header, extension headers included.</summary>
    public ushort PayloadLength => BinaryPrimitives.ReadUInt16BigEndian(_b[4..]);

    public byte NextHeader => _b[6];

    public byte HopLimit => _b[7];

    public IpAddr Source => IpAddr.FromV6(BinaryPrimitives.ReadUInt128BigEndian(_b[8..]));

    public IpAddr Destination => IpAddr.FromV6(BinaryPrimitives.ReadUInt128BigEndian(_b[24..]));

    /// <summary>Payload as captured (extension headers included), without link-layer padding.</summary>
    public ReadOnlySpan<byte> Payload => _b[Length..Math.Min(_b.Length, Length + PayloadLength)];
}
