namespace SynAck.Cli.Output;

/// <summary>Writes rows as columns padded to the widest cell, two spaces apart, trailing spaces trimmed.</summary>
public static class AlignedColumns
{
    public static void Write(TextWriter output, IReadOnlyList<IReadOnlyList<string>> rows, Func<int, bool> rightAligned)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rightAligned);
        var widths = new int[rows.Count == 0 ? 0 : rows[0].Count];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count && c < widths.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var line = new System.Text.StringBuilder();
        foreach (var row in rows)
        {
            line.Clear();
            for (var c = 0; c < row.Count && c < widths.Length; c++)
            {
                if (c > 0)
                {
                    line.Append("  ");
                }

                var pad = widths[c] - row[c].Length;
                if (rightAligned(c))
                {
                    line.Append(' ', pad).Append(row[c]);
                }
                else
                {
                    line.Append(row[c]).Append(' ', pad);
                }
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }
}
