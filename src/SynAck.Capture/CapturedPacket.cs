using SynAck.Wire;

namespace SynAck.Capture;

/// <summary>One packet record, a view into the reader's buffer: <see cref="Data"/> is valid until the next read.</summary>
public readonly ref struct CapturedPacket
{
    internal CapturedPacket(
        ReadOnlySpan<byte> data, int originalLength, long timestampNanos, byte timestampDigits, LinkType linkType,
        int interfaceId, long frameNumber, long fileOffset)
    {
        Data = data;
        OriginalLength = originalLength;
        TimestampNanos = timestampNanos;
        TimestampDigits = timestampDigits;
        LinkType = linkType;
        InterfaceId = interfaceId;
        FrameNumber = frameNumber;
        FileOffset = fileOffset;
    }

    /// <summary>The captured bytes (at most the snapshot length).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The packet's length on the wire.</summary>
    public int OriginalLength { get; }

    /// <summary>True when fewer bytes were captured than were on the wire (cut by the snapshot length).</summary>
    public bool IsTruncated => Data.Length < OriginalLength;

    /// <summary>Nanoseconds since the Unix epoch, UTC.</summary>
    public long TimestampNanos { get; }

    /// <summary>Decimal digits of the capture's time resolution: 6 (µs pcap), 9 (ns pcap) or from if_tsresol.</summary>
    public byte TimestampDigits { get; }

    /// <summary>The packet's link type (LINKTYPE_* value; values outside the enum are passed through).</summary>
    public LinkType LinkType { get; }

    /// <summary>pcapng interface id within its section; 0 for pcap.</summary>
    public int InterfaceId { get; }

    /// <summary>1-based packet number in the file.</summary>
    public long FrameNumber { get; }

    /// <summary>Byte offset of the packet's record or block in the (decompressed) input.</summary>
    public long FileOffset { get; }
}
