using System.Globalization;
using SynAck.Analysis.Records;
using SynAck.Analysis.Summary;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

/// <summary>The sections of <c>synack analyze</c>, shared by the plain-text and the terminal renderer.</summary>
public static class AnalyzeSections
{
    /// <summary>Outcome rows in a fixed order; every kind is listed, zero or not.</summary>
    public static IReadOnlyList<(CloseKind Kind, string Label)> Outcomes { get; } =
    [
        (CloseKind.FourWay, "graceful close, four-way (FIN, ACK, FIN, ACK)"),
        (CloseKind.ThreeWay, "graceful close, three-way (FIN, FIN+ACK, ACK)"),
        (CloseKind.Simultaneous, "simultaneous close"),
        (CloseKind.HalfClose, "half-close (data after a FIN)"),
        (CloseKind.ResetByOriginator, "reset by originator"),
        (CloseKind.ResetByResponder, "reset by responder"),
        (CloseKind.Refused, "refused (RST answering SYN)"),
        (CloseKind.Unanswered, "unanswered SYN"),
        (CloseKind.Open, "open at capture end"),
        (CloseKind.Evicted, "evicted by idle timeout"),
        (CloseKind.Other, "other"),
    ];

    public static IReadOnlyList<AnalyzeSection> Build(IReadOnlyList<string> captures, CaptureSummary s)
    {
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(s);
        var sections = new List<AnalyzeSection>
        {
            new("Capture", [
                Row("captures", string.Join(", ", captures)),
                Row("packets", Num(s.Packets)),
                Row("TCP packets", Num(s.TcpPackets)),
                Row("not analysed", s.Skipped.Count == 0 ? "none" : string.Join(", ", s.Skipped.Select(kv => $"{kv.Key} {Num(kv.Value)}"))),
                Row("connections", Num(s.Connections)),
            ]),
            new("Packets carrying each flag", s.FlagCounts.Select(kv => Row(FlagNames.Name(kv.Key), Num(kv.Value))).ToList()),
            new("Flag combinations", s.FlagCombinations.Select(kv => Row(Combination(kv.Key), Num(kv.Value))).ToList()),
            new("Connections by outcome", OutcomeRows(s)),
            new("Connections by Zeek conn_state", s.ByConnState.Select(kv => Row(kv.Key.ToZeekCode(), Num(kv.Value))).ToList()),
            new("Handshake RTT at the capture point (s)", [
                Row("", "count\tmin\tp50\tp90\tp99\tmax"),
                Row("SYN -> SYN+ACK", Rtt(s.SynSynAckRtt)),
                Row("SYN+ACK -> ACK", Rtt(s.SynAckAckRtt)),
            ]),
            new("Handshake checks", HandshakeRows(s)),
            new("Top originators (connections)", s.TopOriginators.Select(kv => Row(kv.Key.ToString(), Num(kv.Value))).ToList()),
            new("Top responders (connections)", s.TopResponders.Select(kv => Row(kv.Key.ToString(), Num(kv.Value))).ToList()),
        };
        return sections;
    }

    /// <summary>"SYN,ACK": the set flags in JSON order, "none" for none.</summary>
    public static string Combination(TcpFlags flags)
    {
        var names = new List<string>();
        foreach (var bit in FlagNames.Order)
        {
            if (((ushort)flags & bit) != 0)
            {
                names.Add(FlagNames.Name((TcpFlags)bit));
            }
        }

        return names.Count == 0 ? "none" : string.Join(',', names);
    }

    private static List<KeyValuePair<string, string>> OutcomeRows(CaptureSummary s)
    {
        var rows = new List<KeyValuePair<string, string>>
        {
            Row("handshake completed", Num(s.HandshakesCompleted)),
            Row("half-open (SYN+ACK seen, handshake not completed)", Num(s.HalfOpen)),
        };
        foreach (var (kind, label) in Outcomes)
        {
            rows.Add(Row(label, Num(Count(s, kind))));
        }

        return rows;
    }

    private static List<KeyValuePair<string, string>> HandshakeRows(CaptureSummary s)
    {
        var rows = new List<KeyValuePair<string, string>> { Row("check failures", Num(s.HandshakeCheckFailures)) };
        foreach (var f in s.HandshakeFindings)
        {
            rows.Add(Row($"packet {Num(f.FrameNumber)}", $"{f.Check}: expected {f.Expected.ToString(CultureInfo.InvariantCulture)}, got {f.Actual.ToString(CultureInfo.InvariantCulture)}"));
        }

        return rows;
    }

    public static long Count(CaptureSummary s, CloseKind kind)
    {
        ArgumentNullException.ThrowIfNull(s);
        foreach (var kv in s.ByCloseKind)
        {
            if (kv.Key == kind)
            {
                return kv.Value;
            }
        }

        return 0;
    }

    private static string Rtt(Percentiles p) => p.Count == 0
        ? "0\t-\t-\t-\t-\t-"
        : string.Join('\t', Num(p.Count), Sec(p.Min), Sec(p.P50), Sec(p.P90), Sec(p.P99), Sec(p.Max));

    private static string Sec(long nanos) => TimeText.FormatSeconds(nanos, 6);

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string> Row(string label, string value) => new(label, value);
}
