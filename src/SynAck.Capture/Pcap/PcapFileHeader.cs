using System.Buffers.Binary;
using SynAck.Wire;

namespace SynAck.Capture.Pcap;

/// <summary>
/// The 24-byte classic pcap file header (draft-ietf-opsawg-pcap §4): magic, version, snaplen and the
/// link type field, whose upper bits may carry the FCS length (§4, "LinkType and additional information").
/// </summary>
public readonly record struct PcapFileHeader(
    bool IsBigEndian, bool IsNanosecond, ushort VersionMajor, ushort VersionMinor, uint SnapLength, LinkType LinkType,
    byte FcsLength)
{
    public const int Size = 24;

    /// <summary>Microsecond magic as written in the file's own byte order.</summary>
    public const uint MicrosecondMagic = 0xA1B2C3D4;

    /// <summary>Nanosecond magic as written in the file's own byte order.</summary>
    public const uint NanosecondMagic = 0xA1B23C4D;

    /// <summary>Decimal digits of the record timestamps' fraction.</summary>
    public byte TimestampDigits => IsNanosecond ? (byte)9 : (byte)6;

    /// <summary>True when <paramref name="first4"/> starts with a pcap magic in either byte order.</summary>
    public static bool IsPcapMagic(ReadOnlySpan<byte> first4)
    {
        if (first4.Length < 4)
        {
            return false;
        }

        var le = BinaryPrimitives.ReadUInt32LittleEndian(first4);
        var be = BinaryPrimitives.ReadUInt32BigEndian(first4);
        return le is MicrosecondMagic or NanosecondMagic || be is MicrosecondMagic or NanosecondMagic;
    }

    /// <summary>Reads the header; false when the span is short or the magic is not a pcap magic.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out PcapFileHeader header)
    {
        header = default;
        if (data.Length < Size)
        {
            return false;
        }

        var magicLe = BinaryPrimitives.ReadUInt32LittleEndian(data);
        bool bigEndian;
        uint magic;
        if (magicLe is MicrosecondMagic or NanosecondMagic)
        {
            bigEndian = false;
            magic = magicLe;
        }
        else
        {
            magic = BinaryPrimitives.ReadUInt32BigEndian(data);
            if (magic is not (MicrosecondMagic or NanosecondMagic))
            {
                return false;
            }

            bigEndian = true;
        }

        var major = Read16(data[4..], bigEndian);
        var minor = Read16(data[6..], bigEndian);
        var snap = Read32(data[16..], bigEndian);
        var linkField = Read32(data[20..], bigEndian);

        // libpcap: LT_LINKTYPE is the low 26 bits; bit 26 says an FCS length is present in bits 28-31.
        var fcs = (linkField & 0x0400_0000) != 0 ? (byte)(linkField >> 28) : (byte)0;
        header = new PcapFileHeader(
            bigEndian, magic == NanosecondMagic, major, minor, snap, (LinkType)(ushort)(linkField & 0x03FF_FFFF), fcs);
        return true;
    }

    /// <summary>Writes the 24 header bytes in the header's byte order.</summary>
    public void WriteTo(Span<byte> dest)
    {
        Write32(dest, IsNanosecond ? NanosecondMagic : MicrosecondMagic, IsBigEndian);
        Write16(dest[4..], VersionMajor, IsBigEndian);
        Write16(dest[6..], VersionMinor, IsBigEndian);
        Write32(dest[8..], 0, IsBigEndian);
        Write32(dest[12..], 0, IsBigEndian);
        Write32(dest[16..], SnapLength, IsBigEndian);
        var linkField = (ushort)LinkType | (FcsLength != 0 ? 0x0400_0000u | ((uint)FcsLength << 28) : 0u);
        Write32(dest[20..], linkField, IsBigEndian);
    }

    internal static ushort Read16(ReadOnlySpan<byte> s, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);

    internal static uint Read32(ReadOnlySpan<byte> s, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);

    internal static void Write16(Span<byte> s, ushort v, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(s, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s, v);
        }
    }

    internal static void Write32(Span<byte> s, uint v, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(s, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, v);
        }
    }
}
