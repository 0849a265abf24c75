using System.Text.RegularExpressions;

namespace SynAck.Interop.Tests.Cli;

/// <summary>One row of <c>synack demo</c>'s ladder: part number, SynAck's state, the arrow text and the kernel's state.</summary>
internal sealed partial record LadderRow(int Part, string SynAck, string Arrow, string Kernel)
{
    /// <summary>Parses every ladder row of the demo's output.</summary>
    public static List<LadderRow> Parse(string stdout)
    {
        var rows = new List<LadderRow>();
        var part = 0;
        foreach (var line in stdout.Split('\n'))
        {
            if (line.StartsWith("1. ", StringComparison.Ordinal) || line.StartsWith("2. ", StringComparison.Ordinal))
            {
                part = line[0] - '0';
                continue;
            }

            var m = Row().Match(line);
            if (m.Success)
            {
                rows.Add(new LadderRow(part, m.Groups[1].Value, m.Groups[2].Value.Trim(), m.Groups[3].Value));
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^\s*\d+\.\d{3}  (\S+)\s+(.*?)\s+(\S+)$")]
    private static partial Regex Row();
}
