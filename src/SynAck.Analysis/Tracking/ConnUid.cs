namespace SynAck.Analysis.Tracking;

/// <summary>
/// Zeek-style connection uids: "C" followed by a base62 rendering of a 96-bit value derived from a seed and a
/// number identifying the connection in the capture (the tracker uses its first packet's number), so uids are stable
/// for a given capture and seed.
/// </summary>
public static class ConnUid
{
    /// <summary>The longest uid: 'C' and up to 17 base62 digits of a 96-bit value.</summary>
    internal const int MaxLength = 18;

    private static ReadOnlySpan<byte> Alphabet => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8;

    /// <summary>The uid of connection number <paramref name="ordinal"/> (1-based) under <paramref name="seed"/>.</summary>
    public static string Create(ulong seed, long ordinal)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        var n = Format(seed, ordinal, text);
        return System.Text.Encoding.ASCII.GetString(text[..n]);
    }

    /// <summary>Writes the uid of <see cref="Create"/> as ASCII into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes); returns its length.</summary>
    internal static int Format(ulong seed, long ordinal, Span<byte> destination)
    {
        var a = Mix(seed ^ ((ulong)ordinal * 0x9E3779B97F4A7C15UL));
        var b = Mix(a ^ seed ^ 0xD6E8FEB86659FD93UL);
        // The 96-bit value (b's low 32 bits above a) as three 32-bit limbs, divided by 62 with 64-bit arithmetic
        // (a UInt128 division per digit costs more than the rest of the connection's creation).
        var hi = b & 0xFFFFFFFFUL;
        var mid = a >> 32;
        var lo = a & 0xFFFFFFFFUL;
        Span<byte> digits = stackalloc byte[MaxLength];
        var n = 0;
        do
        {
            var q2 = hi / 62;
            var r = hi - (q2 * 62);
            var cur = (r << 32) | mid;
            var q1 = cur / 62;
            r = cur - (q1 * 62);
            cur = (r << 32) | lo;
            var q0 = cur / 62;
            r = cur - (q0 * 62);
            digits[n++] = Alphabet[(int)r];
            hi = q2;
            mid = q1;
            lo = q0;
        }
        while ((hi | mid | lo) != 0);

        destination[0] = (byte)'C';
        for (var i = 0; i < n; i++)
        {
            destination[i + 1] = digits[n - 1 - i];
        }

        return n + 1;
    }

    // splitmix64 finalizer: a fixed bijective mix, no randomness source involved.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
