using SynAck.Capture.Pcap;

namespace SynAck.Capture.PcapNg;

/// <summary>
/// Forward-only, zero-copy reader of pcapng blocks over one buffer (draft-ietf-opsawg-pcapng). Hand-written: no
/// .NET library reads pcapng without copying each packet. Section headers and interface descriptions update the
/// state, packet blocks (Enhanced, Simple, obsolete Packet) are returned, every other block type is skipped.
/// Like Utf8JsonReader, <c>false</c> with <see cref="CaptureReadStatus.NeedMoreData"/> means "refill and resume
/// from <see cref="CurrentState"/>, keeping the bytes after <see cref="BytesConsumed"/>".
/// </summary>
public ref partial struct PcapNgReader
{
    /// <summary>Largest block accepted (as Wireshark's reader); a longer total length means a corrupt block.</summary>
    public const int MaxBlockLength = 16 * 1024 * 1024;

    private const int MinBlockLength = 12;

    private readonly ReadOnlySpan<byte> _data;
    private readonly bool _isFinalBlock;
    private PcapNgReaderState _state;
    private int _consumed;

    public PcapNgReader(ReadOnlySpan<byte> data, PcapNgReaderState state, bool isFinalBlock)
    {
        _data = data;
        _state = state;
        _isFinalBlock = isFinalBlock;
        _consumed = 0;
        Problem = default;
    }

    public readonly PcapNgReaderState CurrentState => _state;

    /// <summary>Bytes of the buffer consumed by whole blocks.</summary>
    public readonly int BytesConsumed => _consumed;

    /// <summary>Details after <see cref="CaptureReadStatus.Truncated"/> or <see cref="CaptureReadStatus.Corrupt"/>.</summary>
    public CaptureProblem Problem { get; private set; }

    /// <summary>Reads blocks until a packet block is complete, the buffer ends or a block is bad.</summary>
    public bool TryReadPacket(out CapturedPacket packet, out CaptureReadStatus status)
    {
        while (true)
        {
            var rest = _data[_consumed..];
            if (rest.Length < MinBlockLength)
            {
                return NotWhole(rest.Length, MinBlockLength, out packet, out status);
            }

            var type = PcapFileHeader.Read32(rest, _state.IsBigEndian);
            bool big;
            if (rest[0] == 0x0A && rest[1] == 0x0D && rest[2] == 0x0D && rest[3] == 0x0A)
            {
                // §4.1: the block type is a palindrome; the byte-order magic says how to read the rest.
                type = PcapNgBlockType.SectionHeader;
                var magicBe = PcapFileHeader.Read32(rest[8..], bigEndian: true);
                if (magicBe == PcapNgBlockType.ByteOrderMagic)
                {
                    big = true;
                }
                else if (PcapFileHeader.Read32(rest[8..], bigEndian: false) == PcapNgBlockType.ByteOrderMagic)
                {
                    big = false;
                }
                else
                {
                    return Fail(CaptureProblemKind.ByteOrderMagicInvalid, magicBe, PcapNgBlockType.ByteOrderMagic, out packet, out status);
                }
            }
            else if (!_state.IsInSection)
            {
                return Fail(CaptureProblemKind.NoSectionHeader, 0, 0, out packet, out status);
            }
            else
            {
                big = _state.IsBigEndian;
            }

            var total = PcapFileHeader.Read32(rest[4..], big);
            if (total < MinBlockLength || (total & 3) != 0)
            {
                return Fail(CaptureProblemKind.BlockLengthInvalid, total, MinBlockLength, out packet, out status);
            }

            if (total > MaxBlockLength)
            {
                return Fail(CaptureProblemKind.BlockLengthTooLarge, total, MaxBlockLength, out packet, out status);
            }

            if (rest.Length < (int)total)
            {
                return NotWhole(rest.Length, (int)total, out packet, out status);
            }

            var trailing = PcapFileHeader.Read32(rest[((int)total - 4)..], big);
            if (trailing != total)
            {
                return Fail(CaptureProblemKind.TrailingLengthMismatch, trailing, total, out packet, out status);
            }

            var body = rest[8..((int)total - 4)];
            var read = type switch
            {
                PcapNgBlockType.SectionHeader => ReadSectionHeader(body, big, out packet, out status),
                PcapNgBlockType.InterfaceDescription => ReadInterface(body, out packet, out status),
                PcapNgBlockType.EnhancedPacket => ReadEnhanced(body, out packet, out status),
                PcapNgBlockType.SimplePacket => ReadSimple(body, out packet, out status),
                PcapNgBlockType.ObsoletePacket => ReadObsolete(body, out packet, out status),
                _ => Skip(out packet, out status),
            };

            if (status != CaptureReadStatus.Ok)
            {
                return false;
            }

            _consumed += (int)total;
            _state = _state with { Offset = _state.Offset + total };
            if (read)
            {
                return true;
            }
        }
    }

    private static bool Skip(out CapturedPacket packet, out CaptureReadStatus status)
    {
        packet = default;
        status = CaptureReadStatus.Ok;
        return false;
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
            Problem = new CaptureProblem(CaptureProblemKind.TruncatedBlock, _state.Offset, available, needed);
            status = CaptureReadStatus.Truncated;
        }

        return false;
    }

    private bool Fail(
        CaptureProblemKind kind, long actual, long expected, out CapturedPacket packet, out CaptureReadStatus status)
    {
        Problem = new CaptureProblem(kind, _state.Offset, actual, expected);
        packet = default;
        status = CaptureReadStatus.Corrupt;
        return false;
    }
}
