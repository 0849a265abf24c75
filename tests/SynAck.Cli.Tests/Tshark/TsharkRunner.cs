using System.Diagnostics;

namespace SynAck.Cli.Tests.Tshark;

/// <summary>Runs tshark and returns its TCP rows by frame number.</summary>
internal static class TsharkRunner
{
    /// <summary>The columns, in order, as the differential test's brief lists them.</summary>
    public static readonly string[] FieldNames =
    [
        "frame.number", "ip.src", "ipv6.src", "tcp.srcport", "ip.dst", "ipv6.dst", "tcp.dstport", "tcp.flags",
        "tcp.seq_raw", "tcp.ack_raw", "tcp.window_size_value", "tcp.len", "tcp.options.mss_val",
        "tcp.options.wscale.shift", "tcp.options.sack_perm", "tcp.options.timestamp.tsval",
    ];

    /// <summary>Extra columns, used only to recognise documented differences (see <see cref="TsharkRow"/>).</summary>
    public static readonly string[] ExtraFieldNames = ["pppoe.payload_length", "ip.len", "ip.hdr_len", "tcp.hdr_len", "frame.protocols"];

    public static bool IsInstalled { get; } = Find() is not null;

    /// <summary>Every frame tshark decodes as TCP (<c>-Y tcp</c>): frame number → the raw columns, plus whether
    /// tshark saw more than one IP header (a tunnel or an ICMP error quoting a packet).</summary>
    public static SortedDictionary<long, TsharkRow> Fields(string capture)
    {
        var start = new ProcessStartInfo(Find()!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-n", "-r", capture, "-Y", "tcp", "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=," })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var field in FieldNames.Concat(ExtraFieldNames))
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(field);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var rows = new SortedDictionary<long, TsharkRow>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            var c = line.Split('\t');
            if (c.Length != FieldNames.Length + ExtraFieldNames.Length)
            {
                throw new InvalidDataException($"tshark row with {c.Length} columns: {line}");
            }

            var ipHeaders = Count(c[1]) + Count(c[2]);
            rows[long.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture)] = new TsharkRow(c, ipHeaders);
        }

        process.WaitForExit();
        if (process.ExitCode != 0 && rows.Count == 0)
        {
            throw new InvalidOperationException($"tshark failed on {capture}: {stderr.Result}");
        }

        return rows;
    }

    private static int Count(string field) => field.Length == 0 ? 0 : field.Split(',').Length;

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, "tshark");
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
