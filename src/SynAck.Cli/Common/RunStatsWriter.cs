using System.Globalization;

namespace SynAck.Cli.Common;

/// <summary>Writes <see cref="RunStats"/> as aligned <c>name value</c> lines (the <c>--stats</c> block on standard error).</summary>
public static class RunStatsWriter
{
    private const double Megabyte = 1_000_000;

    public static void Write(TextWriter error, RunStats s)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(s);
        var seconds = s.Elapsed.TotalSeconds;
        Line(error, "packets", Integer(s.Packets));
        Line(error, "elapsed", Format($"{seconds:0.000} s"));
        Line(error, "packets/s", seconds > 0 ? Integer((long)Math.Round(s.Packets / seconds)) : "-");
        Line(error, "MB/s", seconds > 0 ? Format($"{s.Bytes / Megabyte / seconds:0.0}") : "-");
        Line(error, "input MB", Format($"{s.Bytes / Megabyte:0.0}"));
        Line(error, "connections", Integer(s.Connections));
        Line(error, "peak live", Integer(s.PeakLiveConnections));
        Line(error, "evictions", Format($"{s.EvictedIdle} idle, {s.EvictedCapacity} capacity"));
        Line(error, "peak memory", s.PeakMemoryBytes > 0 ? Format($"{s.PeakMemoryBytes / Megabyte:0.0} MB") : "-");
        Line(error, "threads", s.Threads == 1 ? "1" : Format($"{s.Threads}, {(s.Readers == s.Threads ? "each reading the capture" : "one reading the capture")}"));
    }

    private static void Line(TextWriter error, string name, string value) => error.WriteLine($"stats: {name,-12} {value}");

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
