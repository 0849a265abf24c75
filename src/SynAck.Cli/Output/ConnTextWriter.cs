namespace SynAck.Cli.Output;

/// <summary>
/// <c>synack conns</c> as aligned plain-text columns (standard output redirected): no colour, no box drawing. Two
/// passes over the entries, one measuring the columns and one writing, so no row is kept as text (the rows of
/// 1.66 million connections as strings took gigabytes).
/// </summary>
public static class ConnTextWriter
{
    public static void Write(TextWriter output, IReadOnlyList<NumberedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(records);
        var widths = new int[ConnTableRows.Header.Count];
        AlignedColumns.Measure(widths, ConnTableRows.Header);
        foreach (var r in records)
        {
            AlignedColumns.Measure(widths, ConnTableRows.Row(r));
        }

        var line = new System.Text.StringBuilder();
        AlignedColumns.WriteRow(output, ConnTableRows.Header, widths, ConnTableRows.IsNumeric, line);
        foreach (var r in records)
        {
            AlignedColumns.WriteRow(output, ConnTableRows.Row(r), widths, ConnTableRows.IsNumeric, line);
        }
    }
}
