namespace SynAck.Capture.PcapNg;

/// <summary>pcapng block type codes (draft-ietf-opsawg-pcapng §10.1); others are skipped.</summary>
public static class PcapNgBlockType
{
    public const uint SectionHeader = 0x0A0D0D0A;
    public const uint InterfaceDescription = 0x00000001;
    public const uint ObsoletePacket = 0x00000002;
    public const uint SimplePacket = 0x00000003;
    public const uint NameResolution = 0x00000004;
    public const uint InterfaceStatistics = 0x00000005;
    public const uint EnhancedPacket = 0x00000006;

    /// <summary>The byte-order magic of a section header, as written in the section's own byte order.</summary>
    public const uint ByteOrderMagic = 0x1A2B3C4D;
}
