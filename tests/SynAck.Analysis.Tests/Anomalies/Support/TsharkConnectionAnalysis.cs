using System.Globalization;
using SynAck.Analysis.Records;

namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>
/// What a conn record's per-direction analysis should be according to tshark: the packets of the record's 4-tuple
/// between its first and last packet, counted by sender (retransmission, duplicate_ack, zero_window,
/// out_of_order) and their ack_rtt values attributed to the data sender (the receiver of the ACK).
/// </summary>
internal sealed class TsharkConnectionAnalysis
{
    private readonly List<Row> _rows;

    private TsharkConnectionAnalysis(List<Row> rows) => _rows = rows;

    public int Flagged => _rows.Count(r => r.Retransmission || r.DupAck || r.ZeroWindow || r.OutOfOrder);

    public int RttSamples => _rows.Count(r => r.AckRttNanos >= 0);

    public static TsharkConnectionAnalysis Run(string capture)
    {
        string[] fields =
        [
            "frame.number", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst", "ipv6.dst", "tcp.dstport",
            "tcp.analysis.retransmission", "tcp.analysis.duplicate_ack", "tcp.analysis.zero_window",
            "tcp.analysis.out_of_order", "tcp.analysis.ack_rtt",
        ];
        var args = new List<string> { "-n", "-r", capture, "-Y", "tcp", "-T", "fields", "-E", "occurrence=f" };
        foreach (var f in fields)
        {
            args.Add("-e");
            args.Add(f);
        }

        var rows = new List<Row>();
        foreach (var line in ExternalTool.RunChecked("tshark", [.. args]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var c = line.Split('\t');
            rows.Add(new Row(
                long.Parse(c[0], CultureInfo.InvariantCulture),
                c[1].Length > 0 ? c[1] : c[2], int.Parse(c[3], CultureInfo.InvariantCulture),
                c[4].Length > 0 ? c[4] : c[5], int.Parse(c[6], CultureInfo.InvariantCulture),
                c[7].Length > 0, c[8].Length > 0, c[9].Length > 0, c[10].Length > 0,
                c[11].Length > 0 ? Nanos(c[11]) : -1));
        }

        return new TsharkConnectionAnalysis(rows);
    }

    /// <summary>The expected (orig, resp) analysis of <paramref name="r"/>.</summary>
    public (DirectionAnalysis Orig, DirectionAnalysis Resp) Expected(ConnRecord r)
    {
        var orig = new Accumulator();
        var resp = new Accumulator();
        var oh = r.OrigHost.ToString();
        var rh = r.RespHost.ToString();
        foreach (var row in _rows)
        {
            if (row.Frame < r.FirstFrame || row.Frame > r.LastFrame)
            {
                continue;
            }

            var fromOrig = row.Src == oh && row.Sport == r.OrigPort && row.Dst == rh && row.Dport == r.RespPort;
            var fromResp = row.Src == rh && row.Sport == r.RespPort && row.Dst == oh && row.Dport == r.OrigPort;
            if (!fromOrig && !fromResp)
            {
                continue;
            }

            (fromOrig ? orig : resp).Count(row);
            if (row.AckRttNanos >= 0)
            {
                (fromOrig ? resp : orig).Rtts.Add(row.AckRttNanos);
            }
        }

        return (orig.ToRecord(), resp.ToRecord());
    }

    private static long Nanos(string seconds)
    {
        var dot = seconds.IndexOf('.', StringComparison.Ordinal);
        var whole = long.Parse(seconds[..dot], CultureInfo.InvariantCulture);
        var frac = seconds[(dot + 1)..].PadRight(9, '0')[..9];
        return (whole * 1_000_000_000) + long.Parse(frac, CultureInfo.InvariantCulture);
    }

    private sealed record Row(long Frame, string Src, int Sport, string Dst, int Dport, bool Retransmission, bool DupAck, bool ZeroWindow, bool OutOfOrder, long AckRttNanos);

    private sealed class Accumulator
    {
        private long _retx;
        private long _dup;
        private long _zero;
        private long _ooo;

        public List<long> Rtts { get; } = [];

        public void Count(Row row)
        {
            _retx += row.Retransmission ? 1 : 0;
            _dup += row.DupAck ? 1 : 0;
            _zero += row.ZeroWindow ? 1 : 0;
            _ooo += row.OutOfOrder ? 1 : 0;
        }

        /// <summary>Min, mean, max and population standard deviation computed directly from the samples.</summary>
        public DirectionAnalysis ToRecord()
        {
            var n = Rtts.Count;
            var mean = n > 0 ? Rtts.Average(x => (double)x) : 0;
            var stdev = n > 0 ? Math.Sqrt(Rtts.Sum(x => (x - mean) * (x - mean)) / n) : 0;
            return new DirectionAnalysis
            {
                Retransmissions = _retx,
                DuplicateAcks = _dup,
                ZeroWindows = _zero,
                OutOfOrder = _ooo,
                RttSamples = n,
                RttMinNanos = n > 0 ? Rtts.Min() : null,
                RttAvgNanos = n > 0 ? (long)Math.Round(mean, MidpointRounding.AwayFromZero) : null,
                RttMaxNanos = n > 0 ? Rtts.Max() : null,
                RttStdevNanos = n > 0 ? (long)Math.Round(stdev, MidpointRounding.AwayFromZero) : null,
            };
        }
    }
}
