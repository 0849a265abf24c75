using System.Globalization;
using System.Text.RegularExpressions;

namespace SynAck.Analysis.Tests.Tshark;

/// <summary>One row of <c>tshark -q -z conv,tcp</c>: A &lt;-&gt; B with frames and (formatted) bytes per direction.</summary>
internal sealed partial record TsharkConversation(
    string A, string B, long FramesBToA, string BytesBToA, long FramesAToB, string BytesAToB, decimal RelativeStart)
{
    public static List<TsharkConversation> Parse(IEnumerable<string> lines)
    {
        var result = new List<TsharkConversation>();
        foreach (var line in lines)
        {
            var m = RowRegex().Match(line);
            if (!m.Success)
            {
                continue;
            }

            result.Add(new TsharkConversation(
                m.Groups[1].Value, m.Groups[2].Value,
                long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), m.Groups[4].Value,
                long.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture), m.Groups[6].Value,
                decimal.Parse(m.Groups[7].Value, CultureInfo.InvariantCulture)));
        }

        return result;
    }

    /// <summary>A byte count the way tshark prints it (integer division by SI units, switching at 10 of a unit).</summary>
    public static string FormatBytes(ulong size)
    {
        if (size / 1_000_000_000 >= 10)
        {
            return $"{size / 1_000_000_000} GB";
        }

        if (size / 1_000_000 >= 10)
        {
            return $"{size / 1_000_000} MB";
        }

        return size / 1000 >= 10 ? $"{size / 1000} kB" : $"{size} bytes";
    }

    [GeneratedRegex(@"^(\S+)\s+<->\s+(\S+)\s+(\d+)\s+(\d+ \S+)\s+(\d+)\s+(\d+ \S+)\s+\d+\s+\d+ \S+\s+([\d.]+)\s")]
    private static partial Regex RowRegex();
}
