using SynAck.Wire;

namespace SynAck.Capture.Tests.Support;

/// <summary>Small captures built with the project's writers.</summary>
internal static class Craft
{
    public const LinkType Ethernet = LinkType.Ethernet;
    public const LinkType Raw = LinkType.Raw;
    public const LinkType LinuxSll = LinkType.LinuxSll;

    /// <summary>Packet i has i+20 bytes, each byte = (i * 7 + offset) mod 256.</summary>
    public static byte[] Payload(int i, int length = -1)
    {
        var data = new byte[length < 0 ? i + 20 : length];
        for (var j = 0; j < data.Length; j++)
        {
            data[j] = (byte)((i * 7) + j);
        }

        return data;
    }

    public static byte[] Pcap(int packets, bool bigEndian = false, bool nanosecond = false, int snapLength = 262144, LinkType link = Ethernet)
    {
        using var ms = new MemoryStream();
        using (var w = new PcapWriter(ms, link, snapLength, nanosecond, bigEndian, leaveOpen: true))
        {
            for (var i = 0; i < packets; i++)
            {
                w.Write(Timestamp(i), Payload(i));
            }
        }

        return ms.ToArray();
    }

    /// <summary>1 700 000 000.123456789 s plus i * 1.000001001 s.</summary>
    public static long Timestamp(int i) => 1_700_000_000_123_456_789L + (i * 1_000_001_001L);

    /// <summary>The timestamp as a microsecond capture stores it.</summary>
    public static long Micro(long nanos) => nanos / 1000 * 1000;
}
