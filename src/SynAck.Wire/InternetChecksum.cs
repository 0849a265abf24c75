using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace SynAck.Wire;

/// <summary>
/// The Internet checksum: the one's-complement of the one's-complement sum of 16-bit big-endian words (RFC 1071),
/// with incremental update per RFC 1624. Sums are carried in a 64-bit accumulator of 32-bit words and folded at the
/// end, which gives the same result as adding 16-bit words (2^16 ≡ 1 mod 2^16 − 1).
/// </summary>
public static class InternetChecksum
{
    /// <summary>
    /// Adds <paramref name="data"/> to a running sum. Chunks may be summed one after another only if every chunk but
    /// the last has an even length (an odd final byte is padded with a zero byte, RFC 1071 §4.1).
    /// </summary>
    public static ulong Sum(ReadOnlySpan<byte> data, ulong initial = 0)
    {
        var sum = initial;
        while (data.Length >= 16)
        {
            var a = BinaryPrimitives.ReadUInt64BigEndian(data);
            var b = BinaryPrimitives.ReadUInt64BigEndian(data[8..]);
            sum += (a >> 32) + (a & 0xFFFF_FFFF) + (b >> 32) + (b & 0xFFFF_FFFF);
            data = data[16..];
        }

        while (data.Length >= 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data);
            data = data[4..];
        }

        if (data.Length >= 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data);
            data = data[2..];
        }

        if (data.Length == 1)
        {
            sum += (uint)data[0] << 8;
        }

        return sum;
    }

    /// <summary>Folds a running sum to 16 bits with end-around carry (not complemented).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Fold(ulong sum)
    {
        sum = (sum & 0xFFFF_FFFF) + (sum >> 32);
        sum = (sum & 0xFFFF_FFFF) + (sum >> 32);
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)sum;
    }

    /// <summary>The checksum field value for a running sum: the complement of <see cref="Fold"/>.</summary>
    public static ushort Finish(ulong sum) => (ushort)~Fold(sum);

    /// <summary>The checksum of <paramref name="data"/> (whose checksum field, if any, must be zero).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Finish(Sum(data));

    /// <summary>The sum of the pseudo-header's 16-bit words (RFC 9293 §3.1, RFC 8200 §8.1).</summary>
    public static ulong PseudoHeaderSum(in IpPseudoHeader ph)
    {
        var len = (uint)ph.Length;
        ulong sum = (len >> 16) + (len & 0xFFFF) + ph.Protocol;
        return sum + AddressSum(ph.Source) + AddressSum(ph.Destination);
    }

    /// <summary>The TCP/UDP checksum of <paramref name="segment"/> (checksum field zeroed) under <paramref name="ph"/>.</summary>
    public static ushort ComputeWithPseudoHeader(in IpPseudoHeader ph, ReadOnlySpan<byte> segment) =>
        Finish(Sum(segment, PseudoHeaderSum(ph)));

    /// <summary>True when <paramref name="segment"/>, checksum field included, sums to all ones under <paramref name="ph"/>.</summary>
    public static bool VerifyWithPseudoHeader(in IpPseudoHeader ph, ReadOnlySpan<byte> segment) =>
        Fold(Sum(segment, PseudoHeaderSum(ph))) == 0xFFFF;

    /// <summary>True when <paramref name="data"/>, checksum field included, sums to all ones (e.g. an IPv4 header).</summary>
    public static bool Verify(ReadOnlySpan<byte> data) => Fold(Sum(data)) == 0xFFFF;

    /// <summary>
    /// RFC 1624 eqn. 3 incremental update: the new checksum after one 16-bit word changes from
    /// <paramref name="oldWord"/> to <paramref name="newWord"/>: HC' = ~(~HC + ~m + m').
    /// </summary>
    public static ushort Update(ushort checksum, ushort oldWord, ushort newWord)
    {
        ulong sum = (ushort)~checksum;
        sum += (ushort)~oldWord;
        sum += newWord;
        return Finish(sum);
    }

    private static ulong AddressSum(IpAddr a)
    {
        var bits = a.Bits;
        if (!a.IsV6)
        {
            var v = (uint)bits;
            return (v >> 16) + (v & 0xFFFF);
        }

        var hi = (ulong)(bits >> 64);
        var lo = (ulong)bits;
        return (hi >> 32) + (hi & 0xFFFF_FFFF) + (lo >> 32) + (lo & 0xFFFF_FFFF);
    }
}
