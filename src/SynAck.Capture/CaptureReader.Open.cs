using System.Buffers.Binary;
using System.IO.Compression;
using SynAck.Capture.Pcap;
using SynAck.Capture.PcapNg;
using SynAck.Capture.Sources;

namespace SynAck.Capture;

public sealed partial class CaptureReader
{
    /// <summary>Bytes needed to recognise any supported start of file (the pcap header is the longest).</summary>
    private const int ProbeLength = PcapFileHeader.Size;

    /// <summary>
    /// Opens a capture file, or standard input for "-". Regular files are read with large positioned reads; gzip
    /// input (recognised by its magic 1f 8b, whatever the name) is decompressed on the fly.
    /// </summary>
    /// <exception cref="CaptureFormatException">Missing, unreadable, empty, or not pcap/pcapng (one-line message).</exception>
    public static CaptureReader Open(string pathOrDash)
    {
        ArgumentNullException.ThrowIfNull(pathOrDash);
        if (pathOrDash == "-")
        {
            return Open(Console.OpenStandardInput(), "stdin");
        }

        if (Directory.Exists(pathOrDash))
        {
            throw new CaptureFormatException($"{pathOrDash}: is a directory, not a capture file");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(pathOrDash, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CaptureFormatException($"{pathOrDash}: no such file", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CaptureFormatException($"{pathOrDash}: permission denied", e);
        }
        catch (IOException e)
        {
            throw new CaptureFormatException($"{pathOrDash}: cannot open ({e.Message})", e);
        }

        if (!stream.CanSeek)
        {
            return Start(new StreamSource(stream, null, leaveOpen: false), StreamBufferSize, pathOrDash);
        }

        return Start(new RandomAccessFileSource(stream), FileBufferFor(stream.Length), pathOrDash);
    }

    /// <summary>
    /// A second, independent reader over the same bytes from the first packet, for a regular uncompressed file (null
    /// for standard input, other streams and gzip, which can be read once only, or when the file cannot be opened
    /// again): each thread of a parallel run reads the capture itself. It reads no further than this reader's
    /// <see cref="TotalBytes"/>, so both see the same packets even if the file grows.
    /// </summary>
    public CaptureReader? OpenAnother()
    {
        if (_source is not RandomAccessFileSource file || Format.IsGzip)
        {
            return null;
        }

        var bufferSize = FileBufferFor(file.Length ?? FileBufferSize);
        try
        {
            if (_isPcapNg)
            {
                return Start(file.Reopen(), bufferSize, Name);
            }

            // pcap: the header is known, so the new reader starts at the first record without probing, and takes and
            // fills its buffer on its first read, on the thread that reads it (a parallel run opens one per thread
            // before any of them starts: reading a buffer's worth for each there would delay them all).
            return new CaptureReader(file.Reopen(PcapFileHeader.Size), 0, Name)
            {
                Format = Format,
                _pcapHeader = _pcapHeader,
                _pcapMaxCaptured = _pcapMaxCaptured,
                _pcapOffset = PcapFileHeader.Size,
                _firstBufferSize = bufferSize,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CaptureFormatException)
        {
            return null;
        }
    }

    /// <summary>Reads a capture from any readable stream (the reader disposes it). gzip is recognised by magic.</summary>
    /// <exception cref="CaptureFormatException">Empty, unreadable, or not pcap/pcapng (one-line message).</exception>
    public static CaptureReader Open(Stream stream, string displayName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        return Start(new StreamSource(stream, null, leaveOpen: false), StreamBufferSize, displayName);
    }

    /// <summary>
    /// The buffer for a regular file of <paramref name="length"/> bytes: <see cref="FileBufferSize"/>, or the file's
    /// size rounded up to 64 KiB when smaller (a small file needs no huge page; the buffer grows if a record does not fit).
    /// </summary>
    private static int FileBufferFor(long length) => (int)Math.Min(FileBufferSize, Math.Max(1 << 16, (length + 0xFFFF) & ~0xFFFFL));

    private static CaptureReader Start(CaptureSource source, int bufferSize, string name)
    {
        var reader = new CaptureReader(source, bufferSize, name);
        try
        {
            reader.Initialize();
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private void Initialize()
    {
        Probe();
        var isGzip = _end >= 2 && _buffer.Span[0] == 0x1F && _buffer.Span[1] == 0x8B;
        if (isGzip)
        {
            // RFC 1952 §2.3.1: ID1 = 31, ID2 = 139. The name of the file says nothing.
            var compressed = _source.ReopenAsStream(_buffer.Span[.._end]);
            var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            _source = new StreamSource(gzip, compressed, leaveOpen: false);
            _start = _end = 0;
            _sourceDone = false;
            Probe();
        }

        var head = _buffer.Span[.._end];
        var what = isGzip ? "gzip data" : "file";
        if (head.IsEmpty)
        {
            throw new CaptureFormatException($"{Name}: empty {what}, not a pcap or pcapng capture");
        }

        if (head.Length < 4)
        {
            throw new CaptureFormatException($"{Name}: not a pcap or pcapng capture ({head.Length}-byte {what})");
        }

        if (PcapFileHeader.IsPcapMagic(head))
        {
            if (!PcapFileHeader.TryRead(head, out var header))
            {
                throw new CaptureFormatException(
                    $"{Name}: truncated pcap file header ({head.Length} of {PcapFileHeader.Size} bytes)");
            }

            var state = new PcapReaderState(header);
            _pcapHeader = header;
            _pcapMaxCaptured = state.MaxCapturedLength;
            _pcapOffset = state.Offset;
            _pcapFrame = 0;
            _start = PcapFileHeader.Size;
            Format = new CaptureFormat(
                CaptureFileType.Pcap, isGzip, header.IsBigEndian, header.IsNanosecond, (int)Math.Min(header.SnapLength, int.MaxValue));
            return;
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(head) == PcapNgBlockType.SectionHeader)
        {
            if (head.Length < 12)
            {
                throw new CaptureFormatException($"{Name}: truncated pcapng section header ({head.Length} of 28 bytes)");
            }

            var magic = BinaryPrimitives.ReadUInt32BigEndian(head[8..]);
            var big = magic == PcapNgBlockType.ByteOrderMagic;
            if (!big && BinaryPrimitives.ReadUInt32LittleEndian(head[8..]) != PcapNgBlockType.ByteOrderMagic)
            {
                throw new CaptureFormatException(
                    $"{Name}: corrupt pcapng section header (byte-order magic 0x{magic:x8})");
            }

            _pcapNg = default;
            _isPcapNg = true;
            Format = new CaptureFormat(CaptureFileType.PcapNg, isGzip, big, false, 0);
            return;
        }

        throw new CaptureFormatException(
            $"{Name}: not a pcap or pcapng capture (magic 0x{BinaryPrimitives.ReadUInt32BigEndian(head):x8})");
    }

    /// <summary>Reads until the probe length is buffered or the input ends.</summary>
    private void Probe()
    {
        try
        {
            while (_end < ProbeLength)
            {
                var n = _source.Read(_buffer.Span[_end..]);
                if (n == 0)
                {
                    _sourceDone = true;
                    return;
                }

                _end += n;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new CaptureFormatException($"{Name}: cannot read ({e.Message})", e);
        }
    }
}
