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
        status = ReadRecord(
            _data[_consumed..], _state.Header, _state.MaxCapturedLength, _state.Offset, _state.FrameNumber + 1, _isFinalBlock,
            out packet, out var total, out var problem);
        if (status != CaptureReadStatus.Ok)
        {
            Problem = problem;
            return false;
        }

        _consumed += total;
        _state = _state with { Offset = _state.Offset + total, FrameNumber = _state.FrameNumber + 1 };
        return true;
    }

    /// <summary>
    /// Reads the record at the start of <paramref name="rest"/> (record number <paramref name="frame"/>, at
    /// <paramref name="offset"/> in the input): Ok with the packet and the record's <paramref name="total"/> length,
    /// or why not. The one parser of pcap records: <see cref="CaptureReader"/> calls it directly with its state in
    /// plain fields (copying a <see cref="PcapReaderState"/> in and out per packet was a measurable share of a run).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static CaptureReadStatus ReadRecord(
        ReadOnlySpan<byte> rest, PcapFileHeader header, int maxCaptured, long offset, long frame, bool isFinalBlock,
        out CapturedPacket packet, out int total, out CaptureProblem problem)
    {
        var big = header.IsBigEndian;
        if (rest.Length < RecordHeaderSize)
        {
            total = 0;
            return NotWhole(rest.Length, RecordHeaderSize, offset, isFinalBlock, out packet, out problem);
        }

        var seconds = PcapFileHeader.Read32(rest, big);
        var fraction = PcapFileHeader.Read32(rest[4..], big);
        var captured = PcapFileHeader.Read32(rest[8..], big);
        var original = PcapFileHeader.Read32(rest[12..], big);
        total = RecordHeaderSize + (int)captured;
        if (captured > (uint)maxCaptured)
        {
            problem = new CaptureProblem(CaptureProblemKind.CapturedLengthTooLarge, offset, captured, maxCaptured);
            packet = default;
            return CaptureReadStatus.Corrupt;
        }

        if (rest.Length < total)
        {
            return NotWhole(rest.Length, total, offset, isFinalBlock, out packet, out problem);
        }

        var nanos = header.IsNanosecond ? fraction : fraction * 1000L;
        packet = new CapturedPacket(
            rest.Slice(RecordHeaderSize, (int)captured),
            original > int.MaxValue ? int.MaxValue : (int)original,
            (seconds * 1_000_000_000L) + nanos,
            header.TimestampDigits,
            header.LinkType,
            0,
            frame,
            offset);
        problem = default;
        return CaptureReadStatus.Ok;
    }

    private static CaptureReadStatus NotWhole(
        int available, int needed, long offset, bool isFinalBlock, out CapturedPacket packet, out CaptureProblem problem)
    {
        packet = default;
        problem = default;
        if (!isFinalBlock)
        {
            return CaptureReadStatus.NeedMoreData;
        }

        if (available == 0)
        {
            return CaptureReadStatus.EndOfData;
        }

        problem = new CaptureProblem(CaptureProblemKind.TruncatedRecord, offset, available, needed);
        return CaptureReadStatus.Truncated;
    }
}
