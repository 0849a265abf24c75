using System.Globalization;

namespace SynAck.Cli.Output;

/// <summary>
/// Appends text into a caller-provided span (usually stack memory) so a packet line is built without a string
/// per packet. Hand-written because StringBuilder and interpolated strings allocate per line on this hot path.
/// Text past the end of the buffer is dropped (lines are bounded: a TCP header holds at most 40 option bytes).
/// </summary>
public ref struct LineBuilder(Span<char> buffer)
{
    private readonly Span<char> _buffer = buffer;
    private int _length;

    public readonly int Length => _length;

    public readonly ReadOnlySpan<char> Text => _buffer[.._length];

    public void Append(char c)
    {
        if (_length < _buffer.Length)
        {
            _buffer[_length++] = c;
        }
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        var n = Math.Min(text.Length, _buffer.Length - _length);
        text[..n].CopyTo(_buffer[_length..]);
        _length += n;
    }

    public void Append(long value)
    {
        if (value.TryFormat(_buffer[_length..], out var n, default, CultureInfo.InvariantCulture))
        {
            _length += n;
        }
    }

    public void AppendHex(byte value)
    {
        Append(HexDigit(value >> 4));
        Append(HexDigit(value & 0xF));
    }

    public void Append<T>(T value)
        where T : ISpanFormattable
    {
        if (value.TryFormat(_buffer[_length..], out var n, default, CultureInfo.InvariantCulture))
        {
            _length += n;
        }
    }

    private static char HexDigit(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
