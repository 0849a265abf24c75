using SynAck.Capture.Memory;
using SynAck.Capture.Pcap;
using SynAck.Capture.PcapNg;
using SynAck.Capture.Sources;

namespace SynAck.Capture;

/// <summary>
/// Reads packets from a pcap or pcapng capture (optionally gzip-compressed) in constant memory: one native buffer,
/// refilled from the source and parsed in place by <see cref="PcapReader"/> or <see cref="PcapNgReader"/>, so a
/// packet is never copied and reading allocates nothing per packet. A truncated tail or a corrupt block ends the
/// packets with a <see cref="CaptureWarning"/>; <see cref="TryReadNext"/> never throws.
/// </summary>
public sealed partial class CaptureReader : IDisposable
{
    /// <summary>
    /// Initial buffer for regular files, one huge page (refills are rare and each is one large read; a smaller file
    /// gets a buffer its size).
    /// </summary>
    internal const int FileBufferSize = HugePages.Size;

    /// <summary>Initial buffer for streams (stdin, gzip); it grows when a record does not fit.</summary>
    internal const int StreamBufferSize = 256 * 1024;

    private readonly List<CaptureWarning> _warnings = [];
    private CaptureSource _source;
    private NativeBuffer _buffer;
    private int _start;
    private int _end;
    private bool _sourceDone;
    private bool _stopped;
    private bool _isPcapNg;
    // The pcap reading state in plain fields (see PcapReader.ReadRecord).
    private PcapFileHeader _pcapHeader;
    private int _pcapMaxCaptured;
    private long _pcapOffset;
    private long _pcapFrame;
    private PcapNgReaderState _pcapNg;

    // The size of the buffer a reader opened without one (OpenAnother) takes on its first read.
    private int _firstBufferSize = StreamBufferSize;

    private CaptureReader(CaptureSource source, int bufferSize, string name)
    {
        _source = source;
        _buffer = new NativeBuffer(bufferSize);
        Name = name;
    }

    /// <summary>The path, or the display name given for a stream ("stdin" for "-").</summary>
    public string Name { get; }

    public CaptureFormat Format { get; private set; }

    public IReadOnlyList<CaptureWarning> Warnings => _warnings;

    /// <summary>Bytes of the input read so far (compressed bytes for gzip); with <see cref="TotalBytes"/> for progress.</summary>
    public long BytesRead => _source.Position;

    /// <summary>Size of the input when known (a regular file or a seekable stream).</summary>
    public long? TotalBytes => _source.Length;

    /// <summary>Packets read so far.</summary>
    public long PacketCount => _isPcapNg ? _pcapNg.FrameNumber : _pcapFrame;

    /// <summary>Interfaces of the current pcapng section (empty for pcap).</summary>
    public ReadOnlySpan<PcapNgInterface> Interfaces => _pcapNg.Interfaces;

    /// <summary>Next packet; false at the end of the input or where a truncated or corrupt record stops reading
    /// (then <see cref="Warnings"/> says where). The packet's data is valid until the next call.</summary>
    public bool TryReadNext(out CapturedPacket packet)
    {
        while (!_stopped)
        {
            ReadOnlySpan<byte> span = _buffer.Span[_start.._end];
            CaptureReadStatus status;
            CaptureProblem problem;
            if (!_isPcapNg)
            {
                status = PcapReader.ReadRecord(
                    span, _pcapHeader, _pcapMaxCaptured, _pcapOffset, _pcapFrame + 1, _sourceDone, out packet, out var total, out problem);
                if (status == CaptureReadStatus.Ok)
                {
                    _start += total;
                    _pcapOffset += total;
                    _pcapFrame++;
                    return true;
                }
            }
            else
            {
                var reader = new PcapNgReader(span, _pcapNg, _sourceDone);
                var ok = reader.TryReadPacket(out packet, out status);
                _pcapNg = reader.CurrentState;
                _start += reader.BytesConsumed;
                problem = reader.Problem;
                if (ok)
                {
                    return true;
                }
            }

            switch (status)
            {
                case CaptureReadStatus.NeedMoreData:
                    Refill();
                    break;
                case CaptureReadStatus.Truncated:
                case CaptureReadStatus.Corrupt:
                    _warnings.Add(new CaptureWarning(problem.Offset, problem.ToMessage()));
                    _stopped = true;
                    break;
                default:
                    _stopped = true;
                    break;
            }
        }

        packet = default;
        return false;
    }

    public void Dispose()
    {
        _stopped = true;
        _source.Dispose();
        _start = _end = 0;
        _buffer.Dispose();
    }

    /// <summary>Keeps the unread bytes, grows the buffer when they fill it, and reads more; at the end of the input
    /// marks the source done so the format reader reports a truncated tail.</summary>
    private void Refill()
    {
        var unread = _end - _start;
        if (_start > 0)
        {
            _buffer.Span[_start.._end].CopyTo(_buffer.Span);
            _start = 0;
            _end = unread;
        }

        if (_end == _buffer.Length)
        {
            var grown = new NativeBuffer(_buffer.Length == 0 ? _firstBufferSize : _buffer.Length * 2);
            _buffer.Span[.._end].CopyTo(grown.Span);
            _buffer.Dispose();
            _buffer = grown;
        }

        var offset = _isPcapNg ? _pcapNg.Offset : _pcapOffset;
        try
        {
            var n = _source.Read(_buffer.Span[_end..]);
            _end += n;
            _sourceDone = n == 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A corrupt gzip stream or a failing device ends the packets like a corrupt record would.
            _warnings.Add(new CaptureWarning(offset + unread, $"read error at byte {offset + unread}: {e.Message}"));
            _stopped = true;
        }
    }
}
