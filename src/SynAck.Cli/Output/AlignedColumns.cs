namespace SynAck.Cli.Output;

/// <summary>Writes rows as columns padded to the widest cell, two spaces apart, trailing spaces trimmed.</summary>
public static class AlignedColumns
{
    public static void Write(TextWriter output, IReadOnlyList<IReadOnlyList<string>> rows, Func<int, bool> rightAligned)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rightAligned);
        var widths = new int[rows.Count == 0 ? 0 : rows.Max(r => r.Count)];
        foreach (var row in rows)
        {
            Measure(widths, row);
        }

        var line = new System.Text.StringBuilder();
        foreach (var row in rows)
        {
            WriteRow(output, row, widths, rightAligned, line);
        }
    }

    /// <summary>Widens <paramref name="widths"/> to fit <paramref name="row"/>'s cells (a first pass of a streamed table).</summary>
    public static void Measure(int[] widths, IReadOnlyList<string> row)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(row);
        for (var c = 0; c < row.Count && c < widths.Length; c++)
        {
            widths[c] = Math.Max(widths[c], row[c].Length);
        }
    }

    /// <summary>Writes one row padded to <paramref name="widths"/>, using <paramref name="line"/> as scratch.</summary>
    public static void WriteRow(
        TextWriter output, IReadOnlyList<string> row, int[] widths, Func<int, bool> rightAligned, System.Text.StringBuilder line)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(rightAligned);
        ArgumentNullException.ThrowIfNull(line);
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
