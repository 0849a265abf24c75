namespace SynAck.Wire.Tcp;

/// <summary>
/// The option bytes of a TCP header (RFC 9293 §3.2), enumerable with <c>foreach</c> without allocating, plus
/// readers that find the first option of a kind. Enumeration stops at End-of-Option-List (what follows is padding)
/// or at the first malformed length, after which <see cref="Enumerator.Status"/> is <see cref="ParseStatus.BadOption"/>.
/// </summary>
public readonly ref struct TcpOptions
{
    private readonly ReadOnlySpan<byte> _b;

    public TcpOptions(ReadOnlySpan<byte> optionBytes) => _b = optionBytes;

    /// <summary>The raw option bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _b;

    public Enumerator GetEnumerator() => new(_b);

    /// <summary>
    /// True for exactly NOP, NOP, timestamps (kind 8, length 10): the options of nearly every segment after the
    /// handshake (Linux, BSD, Windows with timestamps), which callers on hot paths read without the option walk.
    /// </summary>
    public bool IsNopNopTimestamps => _b.Length == 12 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(_b) == 0x0101080Au;

    /// <summary>
    /// True when the options are exactly MSS, SACK permitted, timestamps, NOP, window scale (20 bytes, every length
    /// right): what Linux puts in a SYN and a SYN-ACK, read without walking them.
    /// </summary>
    public bool IsLinuxSynLayout =>
        _b.Length == 20 && _b[0] == 2 && _b[1] == 4 && _b[4] == 4 && _b[5] == 2 && _b[6] == 8 && _b[7] == 10 &&
        _b[16] == 1 && _b[17] == 3 && _b[18] == 3;

    /// <summary>Ok when every option length is well formed, otherwise <see cref="ParseStatus.BadOption"/>.</summary>
    public ParseStatus Validate()
    {
        if (IsNopNopTimestamps || IsLinuxSynLayout)
        {
            return ParseStatus.Ok;
        }

        var e = new Enumerator(_b);
        while (e.MoveNext())
        {
        }

        return e.Status;
    }

    /// <summary>The first option of <paramref name="kind"/> before any malformed option.</summary>
    public bool TryFind(TcpOptionKind kind, out TcpOption option)
    {
        var e = new Enumerator(_b);
        while (e.MoveNext())
        {
            if (e.Current.Kind == kind)
            {
                option = e.Current;
                return true;
            }
        }

        option = default;
        return false;
    }

    /// <summary>MSS from the first MSS option (RFC 9293 §3.7.1).</summary>
    public bool TryGetMss(out ushort mss)
    {
        mss = 0;
        return TryFind(TcpOptionKind.Mss, out var o) && o.TryGetMss(out mss);
    }

    /// <summary>Window scale shift from the first window scale option (RFC 7323 §2).</summary>
    public bool TryGetWindowScale(out byte shift)
    {
        shift = 0;
        return TryFind(TcpOptionKind.WindowScale, out var o) && o.TryGetWindowScale(out shift);
    }

    /// <summary>True when a well-formed SACK-permitted option is present (RFC 2018 §2).</summary>
    public bool SackPermitted => TryFind(TcpOptionKind.SackPermitted, out var o) && o.IsSackPermitted;

    /// <summary>TSval/TSecr from the first timestamps option (RFC 7323 §3).</summary>
    public bool TryGetTimestamps(out uint tsVal, out uint tsEcr)
    {
        tsVal = tsEcr = 0;
        return TryFind(TcpOptionKind.Timestamps, out var o) && o.TryGetTimestamps(out tsVal, out tsEcr);
    }

    /// <summary>Blocks of the first SACK option (RFC 2018 §3).</summary>
    public bool TryGetSackBlocks(out SackBlocks blocks)
    {
        blocks = default;
        return TryFind(TcpOptionKind.Sack, out var o) && o.TryGetSackBlocks(out blocks);
    }

    /// <summary>The first Fast Open cookie, kind 34 or experimental 254/0xF989 (RFC 7413 §4.1.1).</summary>
    public bool TryGetFastOpenCookie(out ReadOnlySpan<byte> cookie)
    {
        var e = new Enumerator(_b);
        while (e.MoveNext())
        {
            if (e.Current.TryGetFastOpenCookie(out cookie))
            {
                return true;
            }
        }

        cookie = default;
        return false;
    }

    /// <summary>Walks the options; never reads past the option bytes.</summary>
    public ref struct Enumerator
    {
        private ReadOnlySpan<byte> _rest;
        private TcpOption _current;
        private ParseStatus _status;

        internal Enumerator(ReadOnlySpan<byte> b)
        {
            _rest = b;
            _current = default;
            _status = ParseStatus.Ok;
        }

        public readonly TcpOption Current => _current;

        /// <summary>Ok, or <see cref="ParseStatus.BadOption"/> once a malformed length stopped the walk.</summary>
        public readonly ParseStatus Status => _status;

        public bool MoveNext()
        {
            if (_rest.IsEmpty)
            {
                return false;
            }

            var kind = _rest[0];
            if (kind == (byte)TcpOptionKind.EndOfOptions)
            {
                _current = new TcpOption(TcpOptionKind.EndOfOptions, 1, default);
                _rest = default;
                return true;
            }

            if (kind == (byte)TcpOptionKind.NoOperation)
            {
                _current = new TcpOption(TcpOptionKind.NoOperation, 1, default);
                _rest = _rest[1..];
                return true;
            }

            // RFC 9293 §3.2: every other option has a length byte counting kind and length.
            if (_rest.Length < 2 || _rest[1] < 2 || _rest[1] > _rest.Length)
            {
                _status = ParseStatus.BadOption;
                _rest = default;
                return false;
            }

            int len = _rest[1];
            _current = new TcpOption((TcpOptionKind)kind, len, _rest[2..len]);
            _rest = _rest[len..];
            return true;
        }
    }
}
