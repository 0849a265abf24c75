using System.Buffers.Text;
using System.Globalization;

namespace SynAck.Cli.Output;

/// <summary>Timestamp formatting at the capture's own precision (6 digits for µs captures, 9 for ns).</summary>
public static class TimeText
{
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Seconds since the epoch, e.g. <c>1764114887.646204</c>, into UTF-8; returns bytes written.</summary>
    public static int FormatEpochUtf8(long nanos, int digits, Span<byte> dest)
    {
        var (seconds, frac) = Split(nanos);
        Utf8Formatter.TryFormat(seconds, dest, out var n);
        if (digits <= 0)
        {
            return n;
        }

        digits = Math.Min(digits, 9);
        dest[n] = (byte)'.';
        var v = frac / Pow10(9 - digits);
        for (var i = digits; i >= 1; i--)
        {
            dest[n + i] = (byte)('0' + (v % 10));
            v /= 10;
        }

        return n + 1 + digits;
    }

    /// <summary>Time of day in UTC, like tcpdump's default but in UTC: <c>23:54:47.646204</c>.</summary>
    public static int FormatTimeOfDay(long nanos, int digits, Span<char> dest)
    {
        var (seconds, frac) = Split(nanos);
        var tod = (int)(seconds % 86_400);
        var n = 0;
        Two(tod / 3600, dest, ref n);
        dest[n++] = ':';
        Two(tod / 60 % 60, dest, ref n);
        dest[n++] = ':';
        Two(tod % 60, dest, ref n);
        return n + Fraction(frac, digits, dest[n..]);
    }

    /// <summary>Date and time in UTC: <c>2026-11-25 23:54:47.646204 UTC</c>.</summary>
    public static string FormatUtc(long nanos, int digits)
    {
        var (seconds, frac) = Split(nanos);
        var date = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        Span<char> fraction = stackalloc char[10];
        var n = Fraction(frac, digits, fraction);
        return date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + fraction[..n].ToString() + " UTC";
    }

    /// <summary>A duration in seconds at the given precision: <c>0.004135</c>.</summary>
    public static string FormatSeconds(long nanos, int digits)
    {
        Span<byte> buffer = stackalloc byte[32];
        var n = FormatEpochUtf8(nanos, digits, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..n]);
    }

    private static (long Seconds, long Frac) Split(long nanos)
    {
        var seconds = Math.DivRem(nanos, NanosPerSecond, out var frac);
        return frac < 0 ? (seconds - 1, frac + NanosPerSecond) : (seconds, frac);
    }

    private static int Fraction(long frac, int digits, Span<char> dest)
    {
        if (digits <= 0)
        {
            return 0;
        }

        digits = Math.Min(digits, 9);
        dest[0] = '.';
        var v = frac / Pow10(9 - digits);
        for (var i = digits; i >= 1; i--)
        {
            dest[i] = (char)('0' + (v % 10));
            v /= 10;
        }

        return 1 + digits;
    }

    private static void Two(int value, Span<char> dest, ref int n)
    {
        dest[n++] = (char)('0' + (value / 10));
        dest[n++] = (char)('0' + (value % 10));
    }

    private static long Pow10(int e)
    {
        var r = 1L;
        for (var i = 0; i < e; i++)
        {
            r *= 10;
        }

        return r;
    }
}
