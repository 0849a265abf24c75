using System.Globalization;
using SynAck.Analysis.Anomalies.Sequence;

namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>
/// Compares <see cref="TcpSequenceAnalyzer"/> with tshark's <c>tcp.analysis.*</c> fields packet by packet
/// (tshark single pass; an empty field means "not flagged").
/// </summary>
internal sealed class TsharkDifferential
{
    /// <summary>The flags the acceptance criterion covers, then the others, for information.</summary>
    public static readonly string[] Checked =
    [
        "retransmission", "fast_retransmission", "duplicate_ack", "zero_window", "window_update", "keep_alive",
        "out_of_order", "lost_segment", "ack_lost_segment",
    ];

    public static readonly string[] Informational =
    [
        "spurious_retransmission", "zero_window_probe", "zero_window_probe_ack", "window_full", "keep_alive_ack",
        "reused_ports",
    ];

    private static readonly string[] s_values =
        ["initial_rtt", "ack_rtt", "duplicate_ack_num", "duplicate_ack_frame", "bytes_in_flight"];

    private TsharkDifferential(Dictionary<long, TcpPacketAnalysis> ours, Dictionary<long, Dictionary<string, string>> theirs)
    {
        Ours = ours;
        Theirs = theirs;
    }

    public Dictionary<long, TcpPacketAnalysis> Ours { get; }

    /// <summary>tshark's non-empty fields per TCP frame.</summary>
    public Dictionary<long, Dictionary<string, string>> Theirs { get; }

    public static TsharkDifferential Run(string capture)
    {
        var fields = new List<string> { "-r", capture, "-Y", "tcp", "-T", "fields", "-E", "occurrence=f", "-e", "frame.number" };
        var names = Checked.Concat(Informational).Concat(s_values).ToArray();
        foreach (var n in names)
        {
            fields.Add("-e");
            fields.Add("tcp.analysis." + n);
        }

        var output = ExternalTool.RunChecked("tshark", [.. fields]);
        var theirs = new Dictionary<long, Dictionary<string, string>>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var cols = line.Split('\t');
            var row = new Dictionary<string, string>();
            for (var i = 0; i < names.Length && i + 1 < cols.Length; i++)
            {
                if (cols[i + 1].Length > 0)
                {
                    row[names[i]] = cols[i + 1];
                }
            }

            theirs[long.Parse(cols[0], CultureInfo.InvariantCulture)] = row;
        }

        return new TsharkDifferential(CaptureAnalysis.Run(capture), theirs);
    }

    public FlagAgreement Compare(string name)
    {
        Assert.True(TcpAnalysisFlagNames.TryParse(name, out var flag), name);
        int both = 0, onlyOurs = 0, onlyTheirs = 0;
        var disagreeing = new List<long>();
        foreach (var (frame, row) in Theirs)
        {
            var theirsSet = row.ContainsKey(name);
            var oursSet = Ours.TryGetValue(frame, out var a) && a.Has(flag);
            if (theirsSet && oursSet)
            {
                both++;
            }
            else if (theirsSet || oursSet)
            {
                if (oursSet) { onlyOurs++; } else { onlyTheirs++; }
                disagreeing.Add(frame);
            }
        }

        foreach (var (frame, a) in Ours)
        {
            if (!Theirs.ContainsKey(frame) && a.Has(flag))
            {
                onlyOurs++;
                disagreeing.Add(frame);
            }
        }

        disagreeing.Sort();
        return new FlagAgreement(name, both, onlyOurs, onlyTheirs, disagreeing);
    }

    /// <summary>Frames where tshark shows a value for <paramref name="field"/> that differs from ours (text compared as tshark prints it).</summary>
    public List<(long Frame, string Tshark, string SynAck)> ValueMismatches(string field, Func<TcpPacketAnalysis, string?> ours)
    {
        var list = new List<(long, string, string)>();
        foreach (var (frame, row) in Theirs)
        {
            row.TryGetValue(field, out var t);
            var o = Ours.TryGetValue(frame, out var a) ? ours(a) : null;
            if (!string.Equals(t, o, StringComparison.Ordinal))
            {
                list.Add((frame, t ?? "-", o ?? "-"));
            }
        }

        list.Sort((x, y) => x.Item1.CompareTo(y.Item1));
        return list;
    }

    /// <summary>Nanoseconds as tshark prints a relative time: seconds with nine decimals.</summary>
    public static string Seconds(long nanos) =>
        (nanos / 1_000_000_000).ToString(CultureInfo.InvariantCulture) + "." +
        (nanos % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
}
