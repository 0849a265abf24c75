using System.Buffers.Binary;

namespace SynAck.Wire.Tcp;

/// <summary>
/// A zero-copy view of a TCP header and the captured bytes after it (RFC 9293 §3.1). Hand-written because no
/// maintained .NET packet library parses without allocating per packet (PacketDotNet builds an object per header).
/// After <see cref="TryRead"/> returns <see cref="ParseStatus.Ok"/> no getter can fail. The view never judges flag
/// combinations: an analyzer must be able to record SYN+FIN or FIN+RST. <see cref="PacketDecoder"/> may also hand
/// out a view whose options were cut by the capture's snaplen (<see cref="IsHeaderComplete"/> false): the fixed
/// fields are whole, and the option and payload spans are clamped to the captured bytes.
/// </summary>
public readonly ref struct TcpHeader
{
    /// <summary>Header length without options.</summary>
    public const int MinLength = 20;

    /// <summary>Largest header (data offset 15).</summary>
    public const int MaxLength = 60;

    private readonly ReadOnlySpan<byte> _b;

    private TcpHeader(ReadOnlySpan<byte> b) => _b = b;

    /// <summary>
    /// Checks that 20 bytes are present and that 5 &lt;= data offset and data offset × 4 &lt;= <paramref name="b"/>.Length
    /// (<see cref="ParseStatus.BadDataOffset"/> otherwise). Options are not validated here; see <see cref="Options"/>.
    /// </summary>
    public static ParseStatus TryRead(ReadOnlySpan<byte> b, out TcpHeader h)
    {
        h = default;
        if (b.Length < MinLength)
        {
            return ParseStatus.Truncated;
        }

        var hl = (b[Field.DataOffset] >> 4) * 4;
        if (hl < MinLength || hl > b.Length)
        {
            return ParseStatus.BadDataOffset;
        }

        h = new TcpHeader(b);
        return ParseStatus.Ok;
    }

    /// <summary>A view over a fixed header whose options run past the captured bytes (a snaplen cut).</summary>
    internal static TcpHeader CreateCut(ReadOnlySpan<byte> b) => new(b);

    /// <summary>False when the captured bytes end inside the options (only for views from <see cref="PacketDecoder"/>).</summary>
    public bool IsHeaderComplete => HeaderLength <= _b.Length;

    /// <summary>The bytes the view was read from: header, then the captured payload.</summary>
    public ReadOnlySpan<byte> Bytes => _b;

    public ushort SourcePort => BinaryPrimitives.ReadUInt16BigEndian(_b[Field.SourcePort..]);

    public ushort DestinationPort => BinaryPrimitives.ReadUInt16BigEndian(_b[Field.DestinationPort..]);

    public SeqNumber Seq => new(BinaryPrimitives.ReadUInt32BigEndian(_b[Field.Seq..]));

    public SeqNumber Ack => new(BinaryPrimitives.ReadUInt32BigEndian(_b[Field.Ack..]));

    /// <summary>The data offset field: header length in 32-bit words.</summary>
    public int DataOffset => _b[Field.DataOffset] >> 4;

    /// <summary>Header length in bytes, options included.</summary>
    public int HeaderLength => (_b[Field.DataOffset] >> 4) * 4;

    /// <summary>All nine control bits, AE included (RFC 9293 §3.1, RFC 3168 §6.1, RFC 3540).</summary>
    public TcpFlags Flags => (TcpFlags)(BinaryPrimitives.ReadUInt16BigEndian(_b[Field.DataOffset..]) & 0x1FF);

    /// <summary>The three reserved bits between the data offset and AE (should be zero).</summary>
    public int ReservedBits => (_b[Field.DataOffset] >> 1) & 0x7;

    /// <summary>The raw window field (not scaled).</summary>
    public ushort Window => BinaryPrimitives.ReadUInt16BigEndian(_b[Field.Window..]);

    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_b[Field.Checksum..]);

    public ushort UrgentPointer => BinaryPrimitives.ReadUInt16BigEndian(_b[Field.UrgentPointer..]);

    /// <summary>The header bytes, options included (as many as were captured).</summary>
    public ReadOnlySpan<byte> HeaderBytes => _b[..CapturedHeaderLength];

    /// <summary>The raw option bytes (may be empty; cut short when <see cref="IsHeaderComplete"/> is false).</summary>
    public ReadOnlySpan<byte> OptionsSpan => _b[MinLength..CapturedHeaderLength];

    /// <summary>The options, enumerable with <c>foreach</c> and with typed readers.</summary>
    public TcpOptions Options => new(OptionsSpan);

    /// <summary>The payload bytes present after the header (as many as were captured and given to the view).</summary>
    public ReadOnlySpan<byte> Payload => _b[CapturedHeaderLength..];

    private int CapturedHeaderLength => Math.Min(HeaderLength, _b.Length);

    /// <summary>Byte offsets of the fixed fields (RFC 9293 §3.1, Figure 1).</summary>
    private static class Field
    {
        public const int SourcePort = 0;
        public const int DestinationPort = 2;
        public const int Seq = 4;
        public const int Ack = 8;
        public const int DataOffset = 12;
        public const int Window = 14;
        public const int Checksum = 16;
        public const int UrgentPointer = 18;
    }
}
