using System.Globalization;
using Spectre.Console;
using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

/// <summary>
/// <c>synack conns</c> as a Spectre.Console table on a terminal: fewer, combined columns than the plain text
/// (the connection number instead of the uid, packets, bytes and retransmissions as orig/resp, no duration, closer or
/// other analysis counts) so it fits a
/// terminal, coloured by outcome (green graceful, red reset or refused, yellow unanswered or evicted).
/// </summary>
public static class ConnTable
{
    private static readonly string[] s_header = ["#", "orig", "resp", "state", "history", "pkts", "bytes", "orig end", "resp end", "close", "retx"];

    public static void Write(IAnsiConsole console, IReadOnlyList<NumberedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(records);
        var table = new Table().Border(TableBorder.Rounded);
        for (var c = 0; c < s_header.Length; c++)
        {
            var column = new TableColumn(new Markup($"[bold]{Markup.Escape(s_header[c])}[/]"));
            table.AddColumn(c is 0 or 5 or 6 or 10 ? column.RightAligned() : column);
        }

        foreach (var (number, r) in records)
        {
            var colour = Colour(r.CloseKind);
            table.AddRow(
                new Text(number.ToString(CultureInfo.InvariantCulture)),
                new Text(Endpoints.Format(r.OrigHost, r.OrigPort)),
                new Text(Endpoints.Format(r.RespHost, r.RespPort)),
                new Markup($"[{colour}]{r.ConnState.ToZeekCode()}[/]"),
                new Text(r.History.Length == 0 ? "-" : r.History),
                new Text(Num(r.OrigPackets) + "/" + Num(r.RespPackets)),
                new Text(Num(r.OrigBytes) + "/" + Num(r.RespBytes)),
                new Text(r.OrigState.ToName()),
                new Text(r.RespState.ToName()),
                new Markup($"[{colour}]{r.CloseKind.ToName()}[/]"),
                new Text(ConnTableRows.Pair(r.Retransmissions.Orig, r.Retransmissions.Resp)));
        }

        table.Caption = new TableTitle($"{records.Count} connections; synack ladder CAPTURE --conn # draws one");
        console.Write(table);
    }

    private static string Num(ulong? n) => n is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Colour(CloseKind kind) => kind switch
    {
        CloseKind.FourWay or CloseKind.ThreeWay or CloseKind.Simultaneous => "green",
        CloseKind.ResetByOriginator or CloseKind.ResetByResponder or CloseKind.Refused => "red",
        CloseKind.Unanswered or CloseKind.Evicted => "yellow",
        _ => "default",
    };
}
