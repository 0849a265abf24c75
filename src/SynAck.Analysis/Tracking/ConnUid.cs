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
        // 96 bits as three 32-bit limbs, most significant first; long division by 62 in 64-bit arithmetic.
        Span<uint> limbs = [(uint)b, (uint)(a >> 32), (uint)a];
        Span<char> digits = stackalloc char[20];
        var n = 0;
        do
        {
            ulong rem = 0;
            for (var i = 0; i < limbs.Length; i++)
            {
                var cur = (rem << 32) | limbs[i];
                limbs[i] = (uint)(cur / 62);
                rem = cur % 62;
            }

            digits[n++] = Alphabet[(int)rem];
        }
        while (limbs[0] != 0 || limbs[1] != 0 || limbs[2] != 0);

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
