using System.Globalization;
using System.Text.Json;

namespace SynAck.Cli.Tests.Tshark;

/// <summary>
/// The fields both tools report for one TCP packet, normalised to text: addresses, ports, the nine flag bits
/// (decimal), raw seq/ack/window, payload length, and the MSS, window-scale, SACK-permitted and TSval options
/// ("" when absent; SACK-permitted "1" when present).
/// </summary>
internal sealed record PacketFields(
    string Src, string Sport, string Dst, string Dport, string Flags, string Seq, string Ack, string Win, string Len,
    string Mss, string Wscale, string SackPerm, string TsVal)
{
    public static readonly string[] Names =
        ["src", "sport", "dst", "dport", "flags", "seq", "ack", "win", "len", "mss", "wscale", "sack_perm", "tsval"];

    public string[] Values => [Src, Sport, Dst, Dport, Flags, Seq, Ack, Win, Len, Mss, Wscale, SackPerm, TsVal];

    /// <summary>From one <c>synack packets --format json</c> object.</summary>
    public static PacketFields FromSynAck(JsonElement o)
    {
        var flags = 0;
        foreach (var name in o.GetProperty("flags").EnumerateArray())
        {
            flags |= name.GetString() switch
            {
                "FIN" => 0x001,
                "SYN" => 0x002,
                "RST" => 0x004,
                "PSH" => 0x008,
                "ACK" => 0x010,
                "URG" => 0x020,
                "ECE" => 0x040,
                "CWR" => 0x080,
                "AE" => 0x100,
                var other => throw new InvalidDataException("unknown flag name " + other),
            };
        }

        var opts = o.GetProperty("opts");
        return new PacketFields(
            o.GetProperty("src").GetString()!, Raw(o, "sport"), o.GetProperty("dst").GetString()!, Raw(o, "dport"),
            flags.ToString(CultureInfo.InvariantCulture), Raw(o, "seq"), Raw(o, "ack"), Raw(o, "win"), Raw(o, "len"),
            opts.TryGetProperty("mss", out var mss) ? mss.GetRawText() : "",
            opts.TryGetProperty("wscale", out var ws) ? ws.GetRawText() : "",
            opts.TryGetProperty("sack_perm", out _) ? "1" : "",
            opts.TryGetProperty("ts", out var ts) ? ts.GetProperty("val").GetRawText() : "");
    }

    /// <summary>
    /// From one tshark <c>-T fields</c> row (see <see cref="TsharkRunner.Fields"/> for the column order). Where tshark
    /// repeats a field (several headers of the same kind) the first value is taken, except the addresses: those of
    /// the IP header directly before TCP (the innermost one when a tunnel was decapsulated), found by the position
    /// of that header in <c>frame.protocols</c> (the last column).
    /// </summary>
    public static PacketFields FromTshark(string[] c)
    {
        var (src, dst) = InnermostAddresses(c);
        return new PacketFields(
            src, First(c[3]), dst, First(c[6]),
        (Convert.ToInt32(First(c[7]), 16) & 0x1FF).ToString(CultureInfo.InvariantCulture),
        First(c[8]), First(c[9]), First(c[10]), First(c[11]), First(c[12]), First(c[13]),
        c[14].Length > 0 ? "1" : "", First(c[15]));
    }

    private static (string Src, string Dst) InnermostAddresses(string[] c)
    {
        var protocols = c[^1].Split(':');
        var tcp = Array.IndexOf(protocols, "tcp");
        var last = tcp < 0 ? -1 : Array.FindLastIndex(protocols, tcp, p => p is "ip" or "ipv6");
        if (last < 0)
        {
            return (First(c[1].Length > 0 ? c[1] : c[2]), First(c[4].Length > 0 ? c[4] : c[5]));
        }

        var kind = protocols[last];
        var nth = protocols.Take(last).Count(p => p == kind);
        var (srcColumn, dstColumn) = kind == "ip" ? (1, 4) : (2, 5);
        return (Nth(c[srcColumn], nth), Nth(c[dstColumn], nth));
    }

    private static string Nth(string field, int n)
    {
        var values = field.Split(',');
        return n < values.Length ? values[n] : values[^1];
    }

    /// <summary>Names of the fields that differ from <paramref name="other"/>, with both values.</summary>
    public IEnumerable<string> Differences(PacketFields other)
    {
        var mine = Values;
        var theirs = other.Values;
        for (var i = 0; i < mine.Length; i++)
        {
            if (mine[i] != theirs[i])
            {
                yield return $"{Names[i]} synack={mine[i]} tshark={theirs[i]}";
            }
        }
    }

    private static string Raw(JsonElement o, string name) => o.GetProperty(name).GetRawText();

    private static string First(string field)
    {
        var comma = field.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? field : field[..comma];
    }
}
