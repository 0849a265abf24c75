using System.Buffers.Binary;
using SynAck.Capture.Pcap;

namespace SynAck.Capture.PcapNg;

public ref partial struct PcapNgReader
{
    private const ushort OptEndOfOptions = 0;
    private const ushort OptIfTsResolution = 9;
    private const ushort OptIfTsOffset = 14;

    /// <summary>
    /// Reads if_tsresol and if_tsoffset from an interface block's options (§3.5: code, length, value padded to
    /// 32 bits). Malformed options end the scan; the interface keeps the defaults (10^-6 s, offset 0), the same
    /// leniency as Wireshark's reader, because the packets themselves are still well framed.
    /// </summary>
    private static void ReadInterfaceOptions(ReadOnlySpan<byte> options, bool big, out byte tsResolution, out long tsOffset)
    {
        tsResolution = 6;
        tsOffset = 0;
        while (options.Length >= 4)
        {
            var code = PcapFileHeader.Read16(options, big);
            var length = PcapFileHeader.Read16(options[2..], big);
            if (code == OptEndOfOptions || length > options.Length - 4)
            {
                return;
            }

            var value = options.Slice(4, length);
            if (code == OptIfTsResolution && length == 1)
            {
                tsResolution = value[0];
            }
            else if (code == OptIfTsOffset && length == 8)
            {
                tsOffset = big ? BinaryPrimitives.ReadInt64BigEndian(value) : BinaryPrimitives.ReadInt64LittleEndian(value);
            }

            var padded = (length + 3) & ~3;
            if (padded > options.Length - 4)
            {
                return;
            }

            options = options[(4 + padded)..];
        }
    }
}
