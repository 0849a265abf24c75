using System.Buffers;
using System.Buffers.Text;
using SynAck.Wire;

namespace SynAck.Analysis.Output;

/// <summary>Small UTF-8 formatting helpers over an <see cref="IBufferWriter{T}"/> shared by the record writers.</summary>
internal readonly struct Utf8Sink(IBufferWriter<byte> output)
{
    /// <summary>ASCII text (a char outside ASCII keeps its low byte).</summary>
    public void Ascii(string text)
    {
        var row = new Utf8Row(output.GetSpan(text.Length));
        row.Ascii(text);
        output.Advance(row.Length);
    }

    public void Byte(byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    public void UInt(ulong value)
    {
        var row = new Utf8Row(output.GetSpan(20));
        row.UInt(value);
        output.Advance(row.Length);
    }

    public void Int(long value)
    {
        var span = output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var n);
        output.Advance(n);
    }

    public void Address(IpAddr address)
    {
        var row = new Utf8Row(output.GetSpan(IpAddr.MaxTextLength));
        row.Address(address);
        output.Advance(row.Length);
    }

    /// <summary>Seconds with six decimals (see <see cref="Utf8Row.Seconds"/>).</summary>
    public void Seconds(long nanos)
    {
        var row = new Utf8Row(output.GetSpan(28));
        row.Seconds(nanos);
        output.Advance(row.Length);
    }
}
