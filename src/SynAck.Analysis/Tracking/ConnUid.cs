namespace SynAck.Analysis.Tracking;

/// <summary>
/// Zeek-style connection uids: "C" followed by a base62 rendering of a 96-bit value derived from a seed and the
/// connection's ordinal in the capture, so uids are stable for a given capture and seed.
/// </summary>
public static class ConnUid
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>The uid of the <paramref name="ordinal"/>-th connection (1-based) under <paramref name="seed"/>.</summary>
    public static string Create(ulong seed, long ordinal)
    {
        var a = Mix(seed ^ ((ulong)ordinal * 0x9E3779B97F4A7C15UL));
        var b = Mix(a ^ seed ^ 0xD6E8FEB86659FD93UL);
        var value = ((UInt128)(b & 0xFFFFFFFFUL) << 64) | a;
        Span<char> digits = stackalloc char[20];
        var n = 0;
        do
        {
            digits[n++] = Alphabet[(int)(value % 62)];
            value /= 62;
        }
        while (value != 0);

        Span<char> text = stackalloc char[n + 1];
        text[0] = 'C';
        for (var i = 0; i < n; i++)
        {
            text[i + 1] = digits[n - 1 - i];
        }

        return new string(text);
    }

    // splitmix64 finalizer: a fixed bijective mix, no randomness source involved.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
