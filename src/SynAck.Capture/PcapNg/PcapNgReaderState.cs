namespace SynAck.Capture.PcapNg;

/// <summary>
/// Everything a <see cref="PcapNgReader"/> needs to resume after a refill: the current section's byte order and
/// interface table, the input offset and the packet count. A plain value: the interface table is copied on write
/// (interface blocks are rare), so an older state never sees interfaces added after it.
/// </summary>
public readonly record struct PcapNgReaderState
{
    private readonly PcapNgInterface[]? _interfaces;

    private PcapNgReaderState(
        bool inSection, bool bigEndian, PcapNgInterface[]? interfaces, long offset, long frameNumber, int sections)
    {
        IsInSection = inSection;
        IsBigEndian = bigEndian;
        _interfaces = interfaces;
        Offset = offset;
        FrameNumber = frameNumber;
        SectionCount = sections;
    }

    /// <summary>True after the first Section Header Block.</summary>
    public bool IsInSection { get; }

    /// <summary>Byte order of the current section.</summary>
    public bool IsBigEndian { get; }

    /// <summary>Offset of the next block in the input.</summary>
    public long Offset { get; init; }

    /// <summary>Packets read so far.</summary>
    public long FrameNumber { get; init; }

    /// <summary>Section headers read so far.</summary>
    public int SectionCount { get; }

    /// <summary>Interfaces defined in the current section.</summary>
    public ReadOnlySpan<PcapNgInterface> Interfaces => _interfaces;

    internal PcapNgInterface[]? InterfaceArray => _interfaces;

    internal PcapNgReaderState StartSection(bool bigEndian) =>
        new(true, bigEndian, null, Offset, FrameNumber, SectionCount + 1);

    internal PcapNgReaderState AddInterface(in PcapNgInterface iface)
    {
        var old = _interfaces ?? [];
        var grown = new PcapNgInterface[old.Length + 1];
        old.CopyTo(grown, 0);
        grown[^1] = iface;
        return new PcapNgReaderState(IsInSection, IsBigEndian, grown, Offset, FrameNumber, SectionCount);
    }
}
