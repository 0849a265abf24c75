using FsCheck.Xunit;
using SynAck.Analysis.Tracking;

namespace SynAck.Analysis.Tests.Pipeline;

/// <summary>The uid's base62 digits come from 64-bit limb division; they must equal a plain UInt128 rendering.</summary>
public class ConnUidDigitsTests
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    [Property(MaxTest = 500)]
    public bool ConnUid_AnySeedAndNumber_MatchesUInt128ReferenceProperty(ulong seed, long number) =>
        ConnUid.Create(seed, number) == Reference(seed, number);

    [Fact]
    public void ConnUid_SeedZeroFirstPacket_IsFixedText()
    {
        Assert.Equal(Reference(0, 1), ConnUid.Create(0, 1));
        Assert.Equal(Reference(ulong.MaxValue, long.MaxValue), ConnUid.Create(ulong.MaxValue, long.MaxValue));
    }

    private static string Reference(ulong seed, long ordinal)
    {
        var a = Mix(seed ^ ((ulong)ordinal * 0x9E3779B97F4A7C15UL));
        var b = Mix(a ^ seed ^ 0xD6E8FEB86659FD93UL);
        var value = ((UInt128)(b & 0xFFFFFFFFUL) << 64) | a;
        var digits = new List<char>();
        do
        {
            digits.Add(Alphabet[(int)(value % 62)]);
            value /= 62;
        }
        while (value != 0);

        digits.Reverse();
        return "C" + new string(digits.ToArray());
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
