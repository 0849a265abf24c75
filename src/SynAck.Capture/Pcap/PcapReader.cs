using System.Runtime.CompilerServices;

namespace SynAck.Capture.Pcap;

/// <summary>
/// Forward-only, zero-copy reader of classic pcap records over one buffer (draft-ietf-opsawg-pcap §5).
/// Hand-written: no .NET library parses pcap without copying each packet. Works like Utf8JsonReader:
/// <c>false</c> with <see cref="CaptureReadStatus.NeedMoreData"/> means "refill and resume from
/// <see cref="CurrentState"/>, keeping the bytes after <see cref="BytesConsumed"/>".
/// </summary>
public ref struct PcapReader
{
    public const int RecordHeaderSize = 16;

    private readonly ReadOnlySpan<byte> _data;
    private readonly bool _isFinalBlock;
    private PcapReaderState _state;
    private int _consumed;

    public PcapReader(ReadOnlySpan<byte> data, PcapReaderState state, bool isFinalBlock)
    {
        _data = data;
        _state = state;
        _isFinalBlock = isFinalBlock;
        _consumed = 0;
        Problem = default;
    }

    public readonly PcapReaderState CurrentState => _state;

    /// <summary>Bytes of the buffer consumed by whole records.</summary>
    public readonly int BytesConsumed => _consumed;

    /// <summary>Details after <see cref="CaptureReadStatus.Truncated"/> or <see cref="CaptureReadStatus.Corrupt"/>.</summary>
    public CaptureProblem Problem { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadPacket(out CapturedPacket packet, out CaptureReadStatus status)
    {
        var rest = _data[_consumed..];
        var header = _state.Header;
        var big = header.IsBigEndian;
        if (rest.Length < RecordHeaderSize)
        {
            return NotWhole(rest.Length, RecordHeaderSize, out packet, out status);
        }

        var seconds = PcapFileHeader.Read32(rest, big);
        var fraction = PcapFileHeader.Read32(rest[4..], big);
        var captured = PcapFileHeader.Read32(rest[8..], big);
        var original = PcapFileHeader.Read32(rest[12..], big);
        if (captured > (uint)_state.MaxCapturedLength)
        {
            Problem = new CaptureProblem(
                CaptureProblemKind.CapturedLengthTooLarge, _state.Offset, captured, _state.MaxCapturedLength);
            packet = default;
            status = CaptureReadStatus.Corrupt;
            return false;
        }

        var total = RecordHeaderSize + (int)captured;
        if (rest.Length < total)
        {
            return NotWhole(rest.Length, total, out packet, out status);
        }

        var nanos = header.IsNanosecond ? fraction : fraction * 1000L;
        var frame = _state.FrameNumber + 1;
        packet = new CapturedPacket(
            rest.Slice(RecordHeaderSize, (int)captured),
            original > int.MaxValue ? int.MaxValue : (int)original,
            (seconds * 1_000_000_000L) + nanos,
            header.TimestampDigits,
            header.LinkType,
            0,
            frame,
            _state.Offset);
        _consumed += total;
        _state = _state with { Offset = _state.Offset + total, FrameNumber = frame };
        status = CaptureReadStatus.Ok;
        return true;
    }

    private bool NotWhole(int available, int needed, out CapturedPacket packet, out CaptureReadStatus status)
    {
        packet = default;
        if (!_isFinalBlock)
        {
            status = CaptureReadStatus.NeedMoreData;
        }
        else if (available == 0)
        {
            status = CaptureReadStatus.EndOfData;
        }
        else
        {
            Problem = new CaptureProblem(CaptureProblemKind.TruncatedRecord, _state.Offset, available, needed);
            status = CaptureReadStatus.Truncated;
        }

        return false;
    }
}
