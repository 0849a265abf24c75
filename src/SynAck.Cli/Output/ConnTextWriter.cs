namespace SynAck.Cli.Output;

/// <summary><c>synack conns</c> as aligned plain-text columns (standard output redirected): no colour, no box drawing.</summary>
public static class ConnTextWriter
{
    public static void Write(TextWriter output, IReadOnlyList<NumberedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(records);
        var rows = new List<IReadOnlyList<string>>(records.Count + 1) { ConnTableRows.Header };
        foreach (var r in records)
        {
            rows.Add(ConnTableRows.Row(r));
        }

        AlignedColumns.Write(output, rows, ConnTableRows.IsNumeric);
    }
}
