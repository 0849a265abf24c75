using Spectre.Console;
using SynAck.Cli.Commands.Info;

namespace SynAck.Cli.Output;

/// <summary>A two-column Spectre.Console table for <c>synack info</c> on a terminal.</summary>
public static class InfoTable
{
    public static void Write(IAnsiConsole console, CaptureSummary summary)
    {
        ArgumentNullException.ThrowIfNull(console);
        var table = new Table().Border(TableBorder.Rounded).HideHeaders()
            .AddColumn(new TableColumn("field"))
            .AddColumn(new TableColumn("value"));
        table.Title = new TableTitle(Markup.Escape(summary.File), new Style(decoration: Decoration.Bold));
        foreach (var (label, value) in InfoRows.Build(summary))
        {
            var style = label is "Warning" || (label == "Malformed packets" && value != "0") ? "yellow" : "default";
            table.AddRow(new Markup($"[grey]{Markup.Escape(label)}[/]"), new Markup($"[{style}]{Markup.Escape(value)}[/]"));
        }

        console.Write(table);
    }
}
