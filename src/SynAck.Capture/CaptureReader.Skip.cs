using SynAck.Capture.Pcap;

namespace SynAck.Capture;

public sealed partial class CaptureReader
{
    /// <summary>
    /// Passes over the whole pcap records already in the buffer that <paramref name="skip"/> says to, at most
    /// <paramref name="maxPackets"/>, and returns how many: the next <see cref="TryReadNext"/> returns the packet after
    /// them, numbered as if each had been read. Stops at the first packet <paramref name="skip"/> keeps
    /// (<paramref name="declined"/>: that is the packet <see cref="TryReadNext"/> returns next, without reading
    /// more), at the end of what is buffered, and before any record <see cref="TryReadNext"/> would report as corrupt.
    /// Passes over nothing in pcapng.
    /// <para>
    /// For a thread that sees every packet but handles only some (a shard of a multi-threaded run): a tight loop over
    /// the records' lengths and times with the reader's state in locals costs a fraction of reading each packet.
    /// </para>
    /// </summary>
    internal int SkipWhile<TSkip>(ref TSkip skip, int maxPackets, out bool declined)
        where TSkip : struct, IPacketSkip
    {
        declined = false;
        if (_isPcapNg || _stopped)
        {
            return 0;
        }

        ReadOnlySpan<byte> buffer = _buffer.Span[.._end];
        var header = _pcapHeader;
        var big = header.IsBigEndian;
        var nanosecond = header.IsNanosecond;
        var link = header.LinkType;
        var maxCaptured = (uint)_pcapMaxCaptured;
        var start = _start;
        var count = 0;
        while (count < maxPackets && buffer.Length - start >= PcapReader.RecordHeaderSize)
        {
            var record = buffer[start..];
            var captured = PcapFileHeader.Read32(record[8..], big);
            if (captured > maxCaptured || (uint)(record.Length - PcapReader.RecordHeaderSize) < captured)
            {
                break;
            }

            // PcapReader.ReadRecord's time, to the nanosecond.
            var seconds = PcapFileHeader.Read32(record, big);
            var fraction = PcapFileHeader.Read32(record[4..], big);
            var nanos = (seconds * 1_000_000_000L) + (nanosecond ? fraction : fraction * 1000L);
            if (!skip.Skip(link, record.Slice(PcapReader.RecordHeaderSize, (int)captured), nanos))
            {
                declined = true;
                break;
            }

            start += PcapReader.RecordHeaderSize + (int)captured;
            count++;
        }

        _pcapOffset += start - _start;
        _pcapFrame += count;
        _start = start;
        return count;
    }
}
