using System.Globalization;
using System.Text;
using Spectre.Console;
using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Cli.Commands.Ladder;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

/// <summary>
/// Draws a ladder (sequence) diagram of one connection, one row per packet:
/// <code>
///     1  0.000000  SYN_SENT      -- SYN seq=0 len=0 -------------&gt;  LISTEN
///     2  0.000017  ESTABLISHED   &lt;------ SYN,ACK seq=0 ack=1 len=0 --  SYN_RECEIVED
/// </code>
/// Frame number, time since the connection's first packet, the originator's state after the packet, the packet as
/// an arrow (flags, seq/ack relative to each side's ISN unless absolute, payload length), the responder's state.
/// Plain text when redirected; on a terminal the arrows are coloured (SYN green, FIN blue, RST red).
/// </summary>
public static class LadderWriter
{
    private const int StateWidth = 12;

    public static void WritePlain(TextWriter output, LadderResult result, bool absolute)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var (line, _, _) in Lines(result, absolute))
        {
            output.WriteLine(line);
        }
    }

    public static void WriteTerminal(IAnsiConsole console, LadderResult result, bool absolute)
    {
        ArgumentNullException.ThrowIfNull(console);
        foreach (var (line, arrowStart, colour) in Lines(result, absolute))
        {
            if (colour is null)
            {
                console.MarkupLine(Markup.Escape(line));
                continue;
            }

            var arrowEnd = line.IndexOf("  ", arrowStart + 3, StringComparison.Ordinal);
            arrowEnd = arrowEnd < 0 ? line.Length : arrowEnd;
            console.MarkupLine(Markup.Escape(line[..arrowStart]) + $"[{colour}]" + Markup.Escape(line[arrowStart..arrowEnd]) + "[/]"
                + Markup.Escape(line[arrowEnd..]));
        }
    }

    /// <summary>The diagram's lines; for packet rows, where the arrow starts and its colour.</summary>
    public static IEnumerable<(string Line, int ArrowStart, string? Colour)> Lines(LadderResult result, bool absolute)
    {
        ArgumentNullException.ThrowIfNull(result);
        var r = result.Record;
        var orig = Endpoints.Format(r.OrigHost, r.OrigPort);
        var resp = Endpoints.Format(r.RespHost, r.RespPort);
        yield return ($"{r.Uid}  {orig} -> {resp}  {r.ConnState.ToZeekCode()} {(r.History.Length == 0 ? "-" : r.History)}, {result.Rows.Count} packets", 0, null);

        var start = result.Rows.Count > 0 ? result.Rows[0].TimestampNanos : 0;
        var labels = result.Rows.Select(row => Label(row, absolute)).ToList();
        var times = result.Rows.Select(row => TimeText.FormatSeconds(row.TimestampNanos - start, row.TimestampDigits)).ToList();
        var frameWidth = Math.Max("frame".Length, result.Rows.Count == 0 ? 0 : result.Rows.Max(row => Digits(row.Frame)));
        var timeWidth = Math.Max("time".Length, times.Count == 0 ? 0 : times.Max(t => t.Length));
        var arrowWidth = (labels.Count == 0 ? 0 : labels.Max(l => l.Length)) + 8;

        yield return ("frame".PadLeft(frameWidth) + "  " + "time".PadRight(timeWidth) + "  "
            + ("orig " + orig).PadRight(StateWidth + 2 + arrowWidth) + "  resp " + resp, 0, null);
        var prefixWidth = frameWidth + 2 + timeWidth + 2 + StateWidth + 2;
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var row = result.Rows[i];
            var line = new StringBuilder(prefixWidth + arrowWidth + 16)
                .Append(row.Frame.ToString(CultureInfo.InvariantCulture).PadLeft(frameWidth)).Append("  ")
                .Append(times[i].PadRight(timeWidth)).Append("  ")
                .Append(row.OrigState.ToName().PadRight(StateWidth)).Append("  ")
                .Append(Arrow(labels[i], arrowWidth, row.FromOriginator)).Append("  ")
                .Append(row.RespState.ToName());
            yield return (line.ToString(), prefixWidth, Colour(row.Flags));
        }

        yield return (Footer(r), 0, null);
    }

    /// <summary>"SYN,ACK seq=0 ack=1 len=0": flags in wire-bit order, ack only when ACK is set.</summary>
    public static string Label(LadderRow row, bool absolute)
    {
        ArgumentNullException.ThrowIfNull(row);
        var sb = new StringBuilder();
        var order = FlagNames.Order;
        for (var i = 0; i < order.Length; i++)
        {
            if (((ushort)row.Flags & order[i]) != 0)
            {
                sb.Append(sb.Length == 0 ? "" : ",").Append(FlagNames.Name((TcpFlags)order[i]));
            }
        }

        if (sb.Length == 0)
        {
            sb.Append("none");
        }

        sb.Append(" seq=").Append(absolute ? row.Seq : row.RelativeSeq);
        if ((row.Flags & TcpFlags.Ack) != 0)
        {
            sb.Append(" ack=").Append(absolute ? row.Ack : row.RelativeAck);
        }

        return sb.Append(" len=").Append(row.PayloadLength).ToString();
    }

    private static string Arrow(string label, int width, bool toResponder)
    {
        var dashes = new string('-', Math.Max(1, width - label.Length - 5));
        return toResponder ? "-- " + label + " " + dashes + ">" : "<" + dashes + " " + label + " --";
    }

    private static string? Colour(TcpFlags flags) =>
        (flags & TcpFlags.Rst) != 0 ? "red"
        : (flags & TcpFlags.Syn) != 0 ? "green"
        : (flags & TcpFlags.Fin) != 0 ? "blue"
        : "default";

    private static string Footer(ConnRecord r)
    {
        var h = r.Handshake;
        var handshake = h.Complete
            ? $"handshake {(h.Valid ? "valid" : "INVALID")}, RTT SYN->SYN+ACK {Rtt(h.SynSynAckRttNs)}, SYN+ACK->ACK {Rtt(h.SynAckAckRttNs)}"
            : "handshake not complete";
        return $"final: orig {r.OrigState.ToName()}, resp {r.RespState.ToName()}; close {r.CloseKind.ToName()}, active closer {r.ActiveCloser.ToName()}; {handshake}";
    }

    private static string Rtt(long? nanos) => nanos is { } n ? TimeText.FormatSeconds(n, 6) + " s" : "-";

    private static int Digits(long n) => n.ToString(CultureInfo.InvariantCulture).Length;
}
