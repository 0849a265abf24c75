using System.Buffers;
using System.Buffers.Text;
using SynAck.Wire;

namespace SynAck.Analysis.Output;

/// <summary>Small UTF-8 formatting helpers over an <see cref="IBufferWriter{T}"/> shared by the record writers.</summary>
internal readonly struct Utf8Sink(IBufferWriter<byte> output)
{
    public void Ascii(string text)
    {
        var span = output.GetSpan(text.Length);

        // Vectorised narrowing for the usual all-ASCII text; anything else keeps each char's low byte as before.
        if (System.Text.Ascii.FromUtf16(text, span, out _) != OperationStatus.Done)
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = (byte)text[i];
            }
        }

        output.Advance(text.Length);
    }

    public void Byte(byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    public void UInt(ulong value)
    {
        var span = output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var n);
        output.Advance(n);
    }

    public void Int(long value)
    {
        var span = output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var n);
        output.Advance(n);
    }

    public void Address(IpAddr address)
    {
        var span = output.GetSpan(IpAddr.MaxTextLength);
        address.TryFormat(span, out var n);
        output.Advance(n);
    }

    /// <summary>Nanoseconds as seconds with six decimals (Zeek's <c>%.6f</c> for time and interval), rounded.</summary>
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
        var span = output.GetSpan(6);
        for (var i = 5; i >= 0; i--)
        {
            span[i] = (byte)('0' + (frac % 10));
            frac /= 10;
        }

        output.Advance(6);
    }
}
