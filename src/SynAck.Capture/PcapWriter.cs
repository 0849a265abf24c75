using SynAck.Capture.Pcap;
using SynAck.Wire;

namespace SynAck.Capture;

/// <summary>
/// Writes a classic pcap file (draft-ietf-opsawg-pcap): the 24-byte header at construction, then one 16-byte
/// record header and the captured bytes per packet, with microsecond or nanosecond timestamps.
/// </summary>
public sealed class PcapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly PcapFileHeader _header;

    /// <summary>Writes the file header; the writer disposes <paramref name="s"/>.</summary>
    public PcapWriter(Stream s, LinkType link, int snapLength = 262144, bool nanosecond = false)
        : this(s, link, snapLength, nanosecond, bigEndian: false, leaveOpen: false)
    {
    }

    /// <summary>Writes the file header in the chosen byte order.</summary>
    public PcapWriter(Stream s, LinkType link, int snapLength, bool nanosecond, bool bigEndian, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(snapLength);
        _stream = s;
        _leaveOpen = leaveOpen;
        _header = new PcapFileHeader(bigEndian, nanosecond, 2, 4, (uint)snapLength, link, 0);
        Span<byte> bytes = stackalloc byte[PcapFileHeader.Size];
        _header.WriteTo(bytes);
        _stream.Write(bytes);
    }

    /// <summary>Records written.</summary>
    public long PacketCount { get; private set; }

    /// <summary>Writes one record; data beyond the snapshot length is cut, the original length is kept.
    /// pcap seconds are an unsigned 32-bit count (draft-ietf-opsawg-pcap §5), so times before 1970 and after
    /// 2106 cannot be written.</summary>
    public void Write(long timestampNanos, ReadOnlySpan<byte> data, int originalLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(originalLength);
        ArgumentOutOfRangeException.ThrowIfNegative(timestampNanos);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timestampNanos, (uint.MaxValue * 1_000_000_000L) + 999_999_999L);
        var captured = Math.Min(data.Length, (int)_header.SnapLength);
        var seconds = Math.DivRem(timestampNanos, 1_000_000_000L, out var nanos);

        var big = _header.IsBigEndian;
        Span<byte> record = stackalloc byte[PcapReader.RecordHeaderSize];
        PcapFileHeader.Write32(record, unchecked((uint)seconds), big);
        PcapFileHeader.Write32(record[4..], (uint)(_header.IsNanosecond ? nanos : nanos / 1000), big);
        PcapFileHeader.Write32(record[8..], (uint)captured, big);
        PcapFileHeader.Write32(record[12..], (uint)Math.Max(originalLength, captured), big);
        _stream.Write(record);
        _stream.Write(data[..captured]);
        PacketCount++;
    }

    /// <summary>Writes one whole packet (original length = data length).</summary>
    public void Write(long timestampNanos, ReadOnlySpan<byte> data) => Write(timestampNanos, data, data.Length);

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
