namespace SynAck.Wire;

public readonly partial struct IpAddr
{
    /// <summary>
    /// Parses IPv4 dotted-quad (four decimal octets, no leading zeros) or IPv6 text (RFC 4291 §2.2, any valid
    /// compression, optional IPv4 tail). No zone ids, prefixes, brackets or surrounding spaces. Never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out IpAddr a)
    {
        if (s.Contains(':'))
        {
            if (TryParseV6(s, out var bits))
            {
                a = new IpAddr(bits, true);
                return true;
            }
        }
        else if (TryParseV4(s, out var v4))
        {
            a = new IpAddr(v4, false);
            return true;
        }

        a = default;
        return false;
    }

    /// <summary>Parses text or throws <see cref="FormatException"/> (for configuration and tests, not for input data).</summary>
    public static IpAddr Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var a) ? a : throw new FormatException("Not an IPv4 or IPv6 address.");

    private static bool TryParseV4(ReadOnlySpan<char> s, out uint value)
    {
        value = 0;
        var parts = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var octet = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 3)
            {
                octet = (octet * 10) + (s[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && s[start] == '0'))
            {
                return false;
            }

            value = (value << 8) | (uint)octet;
            parts++;
            if (parts == 4)
            {
                return i == s.Length;
            }

            if (i >= s.Length || s[i] != '.')
            {
                return false;
            }

            i++;
        }
    }

    private static bool TryParseV6(ReadOnlySpan<char> s, out UInt128 bits)
    {
        bits = UInt128.Zero;
        Span<ushort> words = stackalloc ushort[8];
        var count = 0;
        var gap = -1;
        var i = 0;
        if (s.StartsWith("::"))
        {
            gap = 0;
            i = 2;
            if (i == s.Length)
            {
                return true;
            }
        }
        else if (s.Length > 0 && s[0] == ':')
        {
            return false;
        }

        while (i < s.Length)
        {
            if (count == 8)
            {
                return false;
            }

            var start = i;
            var w = 0;
            while (i < s.Length && i - start < 4 && char.IsAsciiHexDigit(s[i]))
            {
                w = (w << 4) | HexValue(s[i]);
                i++;
            }

            if (i < s.Length && s[i] == '.')
            {
                // An IPv4 tail takes the last two groups (RFC 4291 §2.2 form 3).
                if (count > 6 || !TryParseV4(s[start..], out var v4))
                {
                    return false;
                }

                words[count++] = (ushort)(v4 >> 16);
                words[count++] = (ushort)v4;
                i = s.Length;
                break;
            }

            if (i == start)
            {
                return false;
            }

            words[count++] = (ushort)w;
            if (i == s.Length)
            {
                break;
            }

            if (s[i] != ':')
            {
                return false;
            }

            i++;
            if (i < s.Length && s[i] == ':')
            {
                if (gap >= 0)
                {
                    return false;
                }

                gap = count;
                i++;
            }
            else if (i == s.Length)
            {
                return false;
            }
        }

        if (gap < 0 ? count != 8 : count > 7)
        {
            return false;
        }

        Span<ushort> full = stackalloc ushort[8];
        if (gap < 0)
        {
            words.CopyTo(full);
        }
        else
        {
            words[..gap].CopyTo(full);
            var tail = count - gap;
            words[gap..count].CopyTo(full[(8 - tail)..]);
        }

        for (var k = 0; k < 8; k++)
        {
            bits = (bits << 16) | full[k];
        }

        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
