namespace SynAck.Cli.Output;

/// <summary><c>synack analyze</c> as plain text: a title line per section, then indented aligned rows.</summary>
public static class AnalyzeTextWriter
{
    public static void Write(TextWriter output, IReadOnlyList<AnalyzeSection> sections)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sections);
        for (var i = 0; i < sections.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }

            var section = sections[i];
            output.WriteLine(section.Title + ":");
            var rows = section.Rows.Select(r => (IReadOnlyList<string>)[.. new[] { "", r.Key }, .. r.Value.Split('\t')]).ToList();
            if (rows.Count == 0)
            {
                output.WriteLine("  none");
            }

            // Numbers are right-aligned; the leading empty column indents the rows by two spaces.
            AlignedColumns.Write(output, rows, column => column >= 2 && !section.TextValues);
        }
    }
}
