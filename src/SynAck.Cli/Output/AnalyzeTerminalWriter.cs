using Spectre.Console;

namespace SynAck.Cli.Output;

/// <summary><c>synack analyze</c> on a terminal: one Spectre.Console table per section.</summary>
public static class AnalyzeTerminalWriter
{
    public static void Write(IAnsiConsole console, IReadOnlyList<AnalyzeSection> sections)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(sections);
        foreach (var section in sections)
        {
            var width = section.Rows.Count == 0 ? 1 : section.Rows.Max(r => r.Value.Split('\t').Length);
            var table = new Table().Border(TableBorder.Rounded).HideHeaders();
            table.Title = new TableTitle(Markup.Escape(section.Title), new Style(decoration: Decoration.Bold));
            table.AddColumn(new TableColumn("label"));
            for (var c = 0; c < width; c++)
            {
                var column = new TableColumn("value");
                table.AddColumn(section.TextValues ? column.LeftAligned() : column.RightAligned());
            }

            foreach (var (label, value) in section.Rows)
            {
                var cells = new List<string> { $"[grey]{Markup.Escape(label)}[/]" };
                cells.AddRange(value.Split('\t').Select(Markup.Escape));
                while (cells.Count < width + 1)
                {
                    cells.Add("");
                }

                table.AddRow(cells.ToArray());
            }

            if (section.Rows.Count == 0)
            {
                table.AddRow("[grey]none[/]", "");
            }

            console.Write(table);
        }
    }
}
