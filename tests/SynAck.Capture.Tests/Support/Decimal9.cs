namespace SynAck.Capture.Tests.Support;

/// <summary>Parses the tools' "seconds.fraction" text into nanoseconds without floating point.</summary>
internal static class Decimal9
{
    public static long ParseNanos(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var seconds = long.Parse(dot < 0 ? text : text[..dot], System.Globalization.CultureInfo.InvariantCulture);
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        fraction = fraction.Length > 9 ? fraction[..9] : fraction.PadRight(9, '0');
        var nanos = long.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture);
        return (seconds * 1_000_000_000L) + (text.StartsWith('-') ? -nanos : nanos);
    }
}
