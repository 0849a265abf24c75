namespace SynAck.Analysis.Tests.Conformance;

/// <summary>
/// A Zeek test baseline as rows of column → value: full conn.log files (#fields header), column subsets
/// (zeek-cut -m: a plain header line), or the printed expected.out forms described in the corpus README.
/// </summary>
internal static class ZeekBaseline
{
    public static List<Dictionary<string, string>> Read(ZeekCase c)
    {
        var lines = File.ReadAllLines(c.ExpectedPath).Skip(1).Where(l => l.Length > 0).ToList();
        if (c.ExpectedFile == "conn.log")
        {
            string[] columns;
            IEnumerable<string> data;
            if (lines[0].StartsWith('#'))
            {
                columns = lines.First(l => l.StartsWith("#fields", StringComparison.Ordinal)).Split('\t')[1..];
                data = lines.Where(l => !l.StartsWith('#'));
            }
            else
            {
                columns = lines[0].Split('\t');
                data = lines.Skip(1);
            }

            return data.Select(l => columns.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second))
                .Where(r => !r.TryGetValue("proto", out var proto) || proto == "tcp")
                .ToList();
        }

        if (c.Name.StartsWith("rst-", StringComparison.Ordinal))
        {
            var parts = lines[0].Split(", ");
            return [new Dictionary<string, string> { ["history"] = parts[0], ["conn_state"] = parts[1] }];
        }

        if (c.Name == "tcp-dups-history")
        {
            var remove = lines.Single(l => l.StartsWith("REMOVE:", StringComparison.Ordinal));
            return [new Dictionary<string, string> { ["history"] = remove[(remove.LastIndexOf(", ", StringComparison.Ordinal) + 2)..] }];
        }

        // Endpoint records: [size=.., state=.., num_pkts=.., num_bytes_ip=..] for orig then resp.
        var endpoints = lines.Where(l => l.Contains("[size=", StringComparison.Ordinal)).Select(Fields).ToList();
        return
        [
            new Dictionary<string, string>
            {
                ["orig_pkts"] = endpoints[0]["num_pkts"],
                ["orig_ip_bytes"] = endpoints[0]["num_bytes_ip"],
                ["resp_pkts"] = endpoints[1]["num_pkts"],
                ["resp_ip_bytes"] = endpoints[1]["num_bytes_ip"],
                ["zeek_orig_state"] = endpoints[0]["state"],
                ["zeek_resp_state"] = endpoints[1]["state"],
                ["orig_size"] = endpoints[0]["size"],
                ["resp_size"] = endpoints[1]["size"],
            },
        ];
    }

    private static Dictionary<string, string> Fields(string line)
    {
        var inner = line[(line.IndexOf('[', StringComparison.Ordinal) + 1)..line.LastIndexOf(']')];
        return inner.Split(", ").Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
    }
}
