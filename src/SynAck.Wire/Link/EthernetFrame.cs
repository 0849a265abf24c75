using System.Buffers.Binary;

namespace SynAck.Wire.Link;

/// <summary>
/// A zero-copy view of an Ethernet II header (IEEE 802.3 clause 3 with a type field): destination, source,
/// EtherType. Tags (802.1Q/802.1ad), MPLS and PPPoE are followed by <see cref="PacketDecoder"/>.
/// </summary>
public readonly ref struct EthernetFrame
{
    /// <summary>Header length without tags.</summary>
    public const int HeaderLength = 14;

    private readonly ReadOnlySpan<byte> _b;

    private EthernetFrame(ReadOnlySpan<byte> b) => _b = b;

    /// <summary>Checks that the 14-byte header is present.</summary>
    public static ParseStatus TryRead(ReadOnlySpan<byte> b, out EthernetFrame f)
    {
        if (b.Length < HeaderLength)
        {
            f = default;
            return ParseStatus.Truncated;
        }

        f = new EthernetFrame(b);
        return ParseStatus.Ok;
    }

    public ReadOnlySpan<byte> Destination => _b[..6];

    public ReadOnlySpan<byte> Source => _b[6..12];

    /// <summary>The type field; values below 0x0600 are an 802.3 length (LLC follows), not a type.</summary>
    public ushort EtherType => BinaryPrimitives.ReadUInt16BigEndian(_b[12..]);

    /// <summary>Bytes after the 14-byte header.</summary>
    public ReadOnlySpan<byte> Payload => _b[HeaderLength..];
}
