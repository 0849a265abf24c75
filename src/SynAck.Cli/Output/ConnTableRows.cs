using System.Globalization;
using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

/// <summary>The columns of <c>synack conns</c>'s table, shared by the plain-text and the Spectre.Console renderer.</summary>
public static class ConnTableRows
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "#", "uid", "orig", "resp", "state", "history", "duration", "orig pkts", "orig bytes", "resp pkts", "resp bytes",
        "orig end", "resp end", "close", "closer", "retx", "dup acks", "zero win", "ooo", "rtt avg",
    ];

    /// <summary>Columns that hold numbers (right-aligned).</summary>
    public static bool IsNumeric(int column) => column is 0 or (>= 6 and <= 10) or (>= 15 and <= 19);

    /// <summary>
    /// One capture's records by first packet, numbered from 1: the order connections started, so number N is the
    /// connection <c>ladder CAPTURE --conn N</c> draws (records arrive in removal order, as Zeek writes them).
    /// Sorts <paramref name="records"/> in place (first packets are unique in a capture, so the order is total).
    /// </summary>
    public static IEnumerable<NumberedRecord> Number(List<ConnTableEntry> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        records.Sort(static (a, b) => a.FirstFrame.CompareTo(b.FirstFrame));
        return records.Select((r, i) => new NumberedRecord(i + 1, r));
    }

    public static string[] Row(NumberedRecord numbered)
    {
        var (number, r) = numbered;
        return
        [
            number.ToString(CultureInfo.InvariantCulture),
            r.Uid,
            Endpoints.Format(r.OrigHost, r.OrigPort),
            Endpoints.Format(r.RespHost, r.RespPort),
            r.ConnState.ToZeekCode(),
            r.History.Length == 0 ? "-" : r.History,
            r.DurationNanos is { } d ? TimeText.FormatSeconds(d, 6) : "-",
            Num(r.OrigPackets),
            r.OrigBytes is { } ob ? Num(ob) : "-",
            Num(r.RespPackets),
            r.RespBytes is { } rb ? Num(rb) : "-",
            r.OrigState.ToName(),
            r.RespState.ToName(),
            r.CloseKind.ToName(),
            r.ActiveCloser.ToName(),
            Pair(r.Retransmissions.Orig, r.Retransmissions.Resp),
            Pair(r.DuplicateAcks.Orig, r.DuplicateAcks.Resp),
            Pair(r.ZeroWindows.Orig, r.ZeroWindows.Resp),
            Pair(r.OutOfOrder.Orig, r.OutOfOrder.Resp),
            Rtt(r.OrigRttAvgNanos) + "/" + Rtt(r.RespRttAvgNanos),
        ];
    }

    /// <summary>Orig/resp counts, e.g. <c>3/0</c>.</summary>
    public static string Pair(long orig, long resp) =>
        orig.ToString(CultureInfo.InvariantCulture) + "/" + resp.ToString(CultureInfo.InvariantCulture);

    /// <summary>Seconds rounded to the microsecond, as the JSON and CSV writers round them.</summary>
    private static string Rtt(long? nanos) => nanos is { } n ? TimeText.FormatSeconds((n + 500) / 1000 * 1000, 6) : "-";

    private static string Num(ulong n) => n.ToString(CultureInfo.InvariantCulture);
}
