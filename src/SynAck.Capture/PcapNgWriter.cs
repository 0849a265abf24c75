using SynAck.Capture.Pcap;
using SynAck.Capture.PcapNg;
using SynAck.Wire;

namespace SynAck.Capture;

/// <summary>
/// Writes pcapng (draft-ietf-opsawg-pcapng) in either byte order: section headers, interface descriptions with
/// if_tsresol/if_tsoffset, Enhanced, Simple and obsolete Packet blocks, and arbitrary blocks (to test readers).
/// </summary>
public sealed class PcapNgWriter : IDisposable
{
    private const ushort OptEndOfOptions = 0;
    private const ushort OptIfTsResolution = 9;
    private const ushort OptIfTsOffset = 14;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly List<PcapNgInterface> _interfaces = [];
    private byte[] _scratch = new byte[4096];
    private bool _bigEndian;

    /// <summary>Writes the first section header; the writer disposes <paramref name="s"/> unless told otherwise.</summary>
    public PcapNgWriter(Stream s, bool bigEndian = false, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(s);
        _stream = s;
        _leaveOpen = leaveOpen;
        StartSection(bigEndian);
    }

    /// <summary>Starts a new section (§4.1) in the given byte order; its interfaces start again from 0.</summary>
    public void StartSection(bool bigEndian)
    {
        _bigEndian = bigEndian;
        _interfaces.Clear();
        Span<byte> fields = stackalloc byte[16];
        PcapFileHeader.Write32(fields, PcapNgBlockType.ByteOrderMagic, bigEndian);
        PcapFileHeader.Write16(fields[4..], 1, bigEndian);
        PcapFileHeader.Write16(fields[6..], 0, bigEndian);
        fields[8..].Fill(0xFF); // section length -1: not specified
        WriteBlock(PcapNgBlockType.SectionHeader, fields, [], []);
    }

    /// <summary>Adds an interface (§4.2) and returns its id.</summary>
    /// <param name="link">LINKTYPE_* value.</param>
    /// <param name="snapLength">0 = no limit.</param>
    /// <param name="tsResolution">if_tsresol: 10^-n seconds, or 2^-n with bit 7 set; 6 is the default and not written.</param>
    /// <param name="tsOffsetSeconds">if_tsoffset; 0 is not written.</param>
    public int AddInterface(LinkType link, int snapLength = 0, byte tsResolution = 6, long tsOffsetSeconds = 0)
    {
        var big = _bigEndian;
        Span<byte> fields = stackalloc byte[8];
        PcapFileHeader.Write16(fields, (ushort)link, big);
        PcapFileHeader.Write16(fields[2..], 0, big);
        PcapFileHeader.Write32(fields[4..], (uint)snapLength, big);
        Span<byte> options = stackalloc byte[24];
        var n = 0;
        if (tsResolution != 6)
        {
            PcapFileHeader.Write16(options, OptIfTsResolution, big);
            PcapFileHeader.Write16(options[2..], 1, big);
            options[4] = tsResolution;
            n += 8;
        }

        if (tsOffsetSeconds != 0)
        {
            PcapFileHeader.Write16(options[n..], OptIfTsOffset, big);
            PcapFileHeader.Write16(options[(n + 2)..], 8, big);
            PcapFileHeader.Write32(options[(n + 4)..], (uint)((ulong)tsOffsetSeconds >> (big ? 32 : 0)), big);
            PcapFileHeader.Write32(options[(n + 8)..], (uint)((ulong)tsOffsetSeconds >> (big ? 0 : 32)), big);
            n += 12;
        }

        if (n > 0)
        {
            PcapFileHeader.Write32(options[n..], OptEndOfOptions, big);
            n += 4;
        }

        WriteBlock(PcapNgBlockType.InterfaceDescription, fields, [], options[..n]);
        _interfaces.Add(new PcapNgInterface(link, (uint)snapLength, tsResolution, tsOffsetSeconds));
        return _interfaces.Count - 1;
    }

    /// <summary>Enhanced Packet Block (§4.3), the timestamp converted to the interface's resolution.</summary>
    public void WriteEnhancedPacket(int interfaceId, long timestampNanos, ReadOnlySpan<byte> data, int originalLength) =>
        WriteEnhancedPacketUnits(interfaceId, Interface(interfaceId).ToUnits(timestampNanos), data, originalLength);

    /// <summary>Enhanced Packet Block with a raw timestamp in the interface's units.</summary>
    public void WriteEnhancedPacketUnits(int interfaceId, ulong timestampUnits, ReadOnlySpan<byte> data, int originalLength)
    {
        Interface(interfaceId);
        WritePacket(PcapNgBlockType.EnhancedPacket, (uint)interfaceId, timestampUnits, data, originalLength);
    }

    /// <summary>Obsolete Packet Block (§4.6 / type 2), with a zero drops count.</summary>
    public void WriteObsoletePacket(int interfaceId, long timestampNanos, ReadOnlySpan<byte> data, int originalLength)
    {
        var units = Interface(interfaceId).ToUnits(timestampNanos);
        WritePacket(PcapNgBlockType.ObsoletePacket, (uint)interfaceId << (_bigEndian ? 16 : 0), units, data, originalLength);
    }

    /// <summary>Simple Packet Block (§4.4): interface 0, no timestamp; <paramref name="data"/> is what was captured.</summary>
    public void WriteSimplePacket(ReadOnlySpan<byte> data, int originalLength)
    {
        Span<byte> fields = stackalloc byte[4];
        PcapFileHeader.Write32(fields, (uint)originalLength, _bigEndian);
        WriteBlock(PcapNgBlockType.SimplePacket, fields, data, []);
    }

    /// <summary>Any block, e.g. one a reader must skip; <paramref name="body"/> is padded to 32 bits.</summary>
    public void WriteBlock(uint blockType, ReadOnlySpan<byte> body) => WriteBlock(blockType, [], body, []);

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private PcapNgInterface Interface(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, _interfaces.Count);
        return _interfaces[id];
    }

    private void WritePacket(uint type, uint idField, ulong units, ReadOnlySpan<byte> data, int originalLength)
    {
        var big = _bigEndian;
        Span<byte> fields = stackalloc byte[20];
        PcapFileHeader.Write32(fields, idField, big);
        PcapFileHeader.Write32(fields[4..], (uint)(units >> 32), big);
        PcapFileHeader.Write32(fields[8..], (uint)units, big);
        PcapFileHeader.Write32(fields[12..], (uint)data.Length, big);
        PcapFileHeader.Write32(fields[16..], (uint)originalLength, big);
        WriteBlock(type, fields, data, []);
    }

    private void WriteBlock(uint type, ReadOnlySpan<byte> fields, ReadOnlySpan<byte> data, ReadOnlySpan<byte> options)
    {
        var padded = (data.Length + 3) & ~3;
        var total = 12 + fields.Length + padded + options.Length;
        if (_scratch.Length < total)
        {
            _scratch = new byte[Math.Max(total, _scratch.Length * 2)];
        }

        var block = _scratch.AsSpan(0, total);
        block.Clear();
        PcapFileHeader.Write32(block, type, _bigEndian);
        PcapFileHeader.Write32(block[4..], (uint)total, _bigEndian);
        fields.CopyTo(block[8..]);
        data.CopyTo(block[(8 + fields.Length)..]);
        options.CopyTo(block[(8 + fields.Length + padded)..]);
        PcapFileHeader.Write32(block[(total - 4)..], (uint)total, _bigEndian);
        _stream.Write(block);
    }
}
