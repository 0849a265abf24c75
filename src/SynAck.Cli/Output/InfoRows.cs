using System.Globalization;
using System.Text;
using SynAck.Cli.Commands.Info;
using SynAck.Cli.Common;

namespace SynAck.Cli.Output;

/// <summary>The label/value rows of <c>synack info</c>, shared by the plain-text and the table renderer.</summary>
public static class InfoRows
{
    public static IReadOnlyList<KeyValuePair<string, string>> Build(CaptureSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var digits = s.TimestampDigits.Count > 0 ? s.TimestampDigits.Max : 6;
        var rows = new List<KeyValuePair<string, string>>
        {
            Row("File name", s.File),
            Row("File format", $"{s.Format}, {s.ByteOrder}, {Resolution(s.TimestampDigits)}"),
            Row("Compression", s.Gzip ? "gzip" : "none"),
            Row("Link types", LinkTypes(s)),
            Row("Packets", Num(s.Packets)),
            Row("TCP packets", Num(s.TcpPackets)),
            Row("UDP packets", Num(s.UdpPackets)),
            Row("ICMP packets", Num(s.IcmpPackets)),
            Row("Other IP packets", Num(s.OtherIpPackets)),
            Row("Non-IP packets", Num(s.NonIpPackets)),
            Row("IP fragments", Num(s.IpFragments)),
            Row("First packet", s.FirstNanos is { } f ? TimeText.FormatUtc(f, digits) : "n/a"),
            Row("Last packet", s.LastNanos is { } l ? TimeText.FormatUtc(l, digits) : "n/a"),
            Row("Capture span", TimeText.FormatSeconds(s.SpanNanos, digits) + " s"),
            Row("Captured bytes", Num(s.CapturedBytes)),
            Row("Wire bytes", Num(s.WireBytes)),
            Row("File bytes", s.FileBytes is { } b ? Num(b) : "n/a"),
            Row("Truncated packets", Num(s.TruncatedPackets)),
            Row("Malformed packets", Num(s.MalformedPackets)),
            Row("Not decoded to TCP", DecodeStatus(s)),
            Row("Checksums", Checksums(s)),
        };
        if (s.Warnings.Count == 0)
        {
            rows.Add(Row("Warnings", "none"));
        }

        foreach (var w in s.Warnings)
        {
            rows.Add(Row("Warning", $"at byte {Num(w.ByteOffset)}: {w.Message}"));
        }

        return rows;
    }

    /// <summary>"microseconds", "nanoseconds", or "mixed (6, 9 digits)".</summary>
    public static string Resolution(SortedSet<int> digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return digits.Count switch
        {
            0 => "no packets",
            1 => digits.Min switch
            {
                6 => "microseconds",
                9 => "nanoseconds",
                var d => $"{d}-digit timestamps",
            },
            _ => "mixed (" + string.Join(", ", digits) + " digits)",
        };
    }

    private static string LinkTypes(CaptureSummary s)
    {
        if (s.LinkTypes.Count == 0)
        {
            return "none";
        }

        var sb = new StringBuilder();
        foreach (var (link, count) in s.LinkTypes)
        {
            sb.Append(sb.Length == 0 ? "" : "; ").Append(LinkTypeNames.Describe(link)).Append(": ").Append(Num(count)).Append(" packets");
        }

        return sb.ToString();
    }

    private static string DecodeStatus(CaptureSummary s)
    {
        if (s.DecodeStatus.Count == 0)
        {
            return "none";
        }

        var sb = new StringBuilder();
        foreach (var (status, count) in s.DecodeStatus)
        {
            sb.Append(sb.Length == 0 ? "" : ", ").Append(status.ToString()).Append(' ').Append(Num(count));
        }

        return sb.ToString();
    }

    private static string Checksums(CaptureSummary s) => s.ChecksumsVerified
        ? $"{Num(s.BadIpChecksums)} bad IPv4 header, {Num(s.BadTcpChecksums)} bad TCP"
        : "not verified (--verify-checksums)";

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string> Row(string label, string value) => new(label, value);
}
