namespace SynAck.Capture;

/// <summary>The container format of a capture file.</summary>
public enum CaptureFileType : byte
{
    /// <summary>Classic libpcap format (draft-ietf-opsawg-pcap).</summary>
    Pcap,

    /// <summary>pcapng (draft-ietf-opsawg-pcapng).</summary>
    PcapNg,
}
