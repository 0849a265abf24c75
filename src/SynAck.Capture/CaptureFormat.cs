namespace SynAck.Capture;

/// <summary>What a <see cref="CaptureReader"/> found at the start of its input.</summary>
/// <param name="FileType">pcap or pcapng.</param>
/// <param name="IsGzip">The input was gzip-compressed and is decompressed transparently.</param>
/// <param name="IsBigEndian">Byte order of the pcap header, or of the first pcapng section.</param>
/// <param name="IsNanosecond">pcap only: nanosecond magic (a1b23c4d).</param>
/// <param name="SnapLength">pcap only: the header's snapshot length (0 for pcapng, where it is per interface).</param>
public readonly record struct CaptureFormat(
    CaptureFileType FileType, bool IsGzip, bool IsBigEndian, bool IsNanosecond, int SnapLength)
{
    /// <summary>Short name as capinfos prints it: "pcap", "nanosecond pcap" or "pcapng".</summary>
    public string Name => FileType switch
    {
        CaptureFileType.PcapNg => "pcapng",
        _ => IsNanosecond ? "nanosecond pcap" : "pcap",
    };

    /// <summary>For example "pcap (little-endian, microseconds, gzip)".</summary>
    public override string ToString()
    {
        var order = IsBigEndian ? "big-endian" : "little-endian";
        var gzip = IsGzip ? ", gzip" : "";
        return FileType == CaptureFileType.PcapNg
            ? $"pcapng ({order}{gzip})"
            : $"pcap ({order}, {(IsNanosecond ? "nanoseconds" : "microseconds")}{gzip})";
    }
}
