using System.Buffers.Binary;

namespace SynAck.Wire.Udp;

/// <summary>
/// A zero-copy view of a UDP header (RFC 768), so tools can list and count non-TCP traffic; read it from
/// <see cref="DecodedPacket.Transport"/> when <see cref="DecodedPacket.Protocol"/> is 17.
/// </summary>
public readonly ref struct UdpHeader
{
    public const int Length = 8;

    private readonly ReadOnlySpan<byte> _b;

    private UdpHeader(ReadOnlySpan<byte> b) => _b = b;

    /// <summary>Checks that the 8-byte header is present.</summary>
    public static ParseStatus TryRead(ReadOnlySpan<byte> b, out UdpHeader h)
    {
        if (b.Length < Length)
        {
            h = default;
            return ParseStatus.Truncated;
        }

        h = new UdpHeader(b);
        return ParseStatus.Ok;
    }

    public ushort SourcePort => BinaryPrimitives.ReadUInt16BigEndian(_b);

    public ushort DestinationPort => BinaryPrimitives.ReadUInt16BigEndian(_b[2..]);

    /// <summary>The length field: header plus data, in bytes.</summary>
    public ushort DatagramLength => BinaryPrimitives.ReadUInt16BigEndian(_b[4..]);

    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_b[6..]);

    /// <summary>Data bytes as captured.</summary>
    public ReadOnlySpan<byte> Payload => _b[Length..];
}
