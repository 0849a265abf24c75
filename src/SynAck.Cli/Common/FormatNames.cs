using SynAck.Capture;

namespace SynAck.Cli.Common;

/// <summary>Short names for a capture's container format, as <c>synack info</c> prints them.</summary>
public static class FormatNames
{
    public static string Container(CaptureFormat format) => format.FileType == CaptureFileType.PcapNg ? "pcapng" : "pcap";

    public static string ByteOrder(CaptureFormat format) => format.IsBigEndian ? "big-endian" : "little-endian";
}
