using System.Buffers.Binary;

namespace SynAck.Wire;

public readonly partial struct IpAddr
{
    /// <summary>Longest text: <c>ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255</c>.</summary>
    public const int MaxTextLength = 45;

    public override string ToString()
    {
        Span<char> buf = stackalloc char[MaxTextLength];
        var n = FormatCore(buf);
        return new string(buf[..n]);
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        Span<char> buf = stackalloc char[MaxTextLength];
        var n = FormatCore(buf);
        if (n > destination.Length)
        {
            charsWritten = 0;
            return false;
        }

        buf[..n].CopyTo(destination);
        charsWritten = n;
        return true;
    }

    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        Span<char> buf = stackalloc char[MaxTextLength];
        var n = FormatCore(buf);
        if (n > utf8Destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        // The text is ASCII, so each char is one UTF-8 byte.
        for (var i = 0; i < n; i++)
        {
            utf8Destination[i] = (byte)buf[i];
        }

        bytesWritten = n;
        return true;
    }

    private int FormatCore(Span<char> dest) => _isV6 ? FormatV6(dest) : FormatV4((uint)_low, dest);

    private static int FormatV4(uint v, Span<char> dest)
    {
        var pos = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            if (shift != 24)
            {
                dest[pos++] = '.';
            }

            var octet = (int)((v >> shift) & 0xFF);
            if (octet >= 100)
            {
                dest[pos++] = (char)('0' + (octet / 100));
            }

            if (octet >= 10)
            {
                dest[pos++] = (char)('0' + (octet / 10 % 10));
            }

            dest[pos++] = (char)('0' + (octet % 10));
        }

        return pos;
    }

    /// <summary>
    /// RFC 5952 §4: lower-case hex without leading zeros, the longest run (first on a tie) of two or more zero groups
    /// as <c>::</c>. Follows the same rule as the C library's inet_ntop (which tshark and Zeek print through) for an
    /// IPv4 tail: an IPv4-mapped (<c>::ffff:a.b.c.d</c>, RFC 5952 §5) or IPv4-compatible (<c>::a.b.c.d</c>) address.
    /// </summary>
    private int FormatV6(Span<char> dest)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, Bits);
        Span<ushort> words = stackalloc ushort[8];
        for (var i = 0; i < 8; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt16BigEndian(bytes[(2 * i)..]);
        }

        int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
        for (var i = 0; i < 8; i++)
        {
            if (words[i] == 0)
            {
                if (curBase < 0)
                {
                    curBase = i;
                    curLen = 0;
                }

                curLen++;
                if (curLen > bestLen)
                {
                    bestBase = curBase;
                    bestLen = curLen;
                }
            }
            else
            {
                curBase = -1;
            }
        }

        if (bestLen < 2)
        {
            bestBase = -1;
        }

        var pos = 0;
        for (var i = 0; i < 8; i++)
        {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen)
            {
                if (i == bestBase)
                {
                    dest[pos++] = ':';
                }

                continue;
            }

            if (i != 0)
            {
                dest[pos++] = ':';
            }

            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xFFFF)))
            {
                return pos + FormatV4(BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]), dest[pos..]);
            }

            pos += FormatHex(words[i], dest[pos..]);
        }

        if (bestBase >= 0 && bestBase + bestLen == 8)
        {
            dest[pos++] = ':';
        }

        return pos;
    }

    private static int FormatHex(ushort w, Span<char> dest)
    {
        const string Digits = "0123456789abcdef";
        var pos = 0;
        var started = false;
        for (var shift = 12; shift >= 0; shift -= 4)
        {
            var d = (w >> shift) & 0xF;
            if (d != 0 || started || shift == 0)
            {
                dest[pos++] = Digits[d];
                started = true;
            }
        }

        return pos;
    }
}
