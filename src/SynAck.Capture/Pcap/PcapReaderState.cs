namespace SynAck.Capture.Pcap;

/// <summary>
/// Everything a <see cref="PcapReader"/> needs to resume after a refill: a plain value, storable across calls
/// (the same habit as System.Text.Json's JsonReaderState).
/// </summary>
public readonly record struct PcapReaderState
{
    /// <summary>Records may exceed the header's snaplen (some writers do); up to this many bytes are tolerated.</summary>
    public const int DefaultMaxCapturedLength = 256 * 1024;

    /// <summary>A snaplen above this is treated as a corrupt header value, not as a per-record limit.</summary>
    public const int MaxSnapLengthHonoured = 16 * 1024 * 1024;

    /// <summary>State positioned at the first record, just after the 24-byte header.</summary>
    public PcapReaderState(in PcapFileHeader header)
        : this(header, PcapFileHeader.Size, 0)
    {
    }

    /// <summary>State at an arbitrary record boundary.</summary>
    public PcapReaderState(in PcapFileHeader header, long offset, long frameNumber)
    {
        Header = header;
        Offset = offset;
        FrameNumber = frameNumber;
        var snap = header.SnapLength > MaxSnapLengthHonoured ? 0 : (int)header.SnapLength;
        MaxCapturedLength = Math.Max(DefaultMaxCapturedLength, snap);
    }

    public PcapFileHeader Header { get; }

    /// <summary>Offset of the next record in the input.</summary>
    public long Offset { get; init; }

    /// <summary>Number of records read so far.</summary>
    public long FrameNumber { get; init; }

    /// <summary>A record whose captured length exceeds this is corrupt.</summary>
    public int MaxCapturedLength { get; }
}
