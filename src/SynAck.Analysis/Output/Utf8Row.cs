using System.Buffers.Text;
using System.Runtime.CompilerServices;
using SynAck.Wire;

namespace SynAck.Analysis.Output;

/// <summary>
/// Formats one output row into a span taken once from the writer (one <c>GetSpan</c> and one <c>Advance</c> per row
/// instead of two interface calls per field, a measurable share of writing 10⁵ rows). The caller sizes the span for
/// the longest possible row. <see cref="Utf8Sink"/> formats single fields with it.
/// </summary>
internal ref struct Utf8Row(Span<byte> span)
{
    private readonly Span<byte> _span = span;

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Byte(byte b) => _span[Length++] = b;

    /// <summary>ASCII text; a char outside ASCII keeps its low byte.</summary>
    public void Ascii(string text)
    {
        var dest = _span[Length..];
        if (System.Text.Ascii.FromUtf16(text, dest, out _) != System.Buffers.OperationStatus.Done)
        {
            for (var i = 0; i < text.Length; i++)
            {
                dest[i] = (byte)text[i];
            }
        }

        Length += text.Length;
    }

    /// <summary>Bytes already encoded (a UTF-8 literal).</summary>
    public void Literal(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_span[Length..]);
        Length += bytes.Length;
    }

    public void UInt(ulong value)
    {
        Utf8Formatter.TryFormat(value, _span[Length..], out var n);
        Length += n;
    }

    public void Address(IpAddr address)
    {
        address.TryFormat(_span[Length..], out var n);
        Length += n;
    }

    /// <summary>Seconds with six decimals (microseconds, rounded half up), as Zeek prints times and intervals.</summary>
    public void Seconds(long nanos)
    {
        var negative = nanos < 0;
        var micros = ((negative ? -nanos : nanos) + 500) / 1000;
        if (negative)
        {
            Byte((byte)'-');
        }

        UInt((ulong)(micros / 1_000_000));
        Byte((byte)'.');
        var frac = micros % 1_000_000;
        var dest = _span.Slice(Length, 6);
        for (var i = 5; i >= 0; i--)
        {
            dest[i] = (byte)('0' + (frac % 10));
            frac /= 10;
        }

        Length += 6;
    }
}
