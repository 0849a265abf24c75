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
                .Where(IsTcp)
                .Select(WithTunnelParentCount)
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

    /// <summary>
    /// TCP rows only. Column subsets without <c>proto</c> keep every row, except those whose service is one Zeek
    /// runs only on UDP (the outer flow of a UDP tunnel: vxlan, geneve, gtpv1, teredo, ayiya).
    /// </summary>
    private static bool IsTcp(Dictionary<string, string> row)
    {
        if (row.TryGetValue("proto", out var proto))
        {
            return proto == "tcp";
        }

        return !row.TryGetValue("service", out var service) || service.Split(',').All(s => !s_udpTunnelServices.Contains(s));
    }

    private static readonly HashSet<string> s_udpTunnelServices = ["vxlan", "geneve", "gtpv1", "teredo", "ayiya"];

    /// <summary>
    /// Zeek's tunnel uids are random and SynAck's are derived from the tunnel, so the set is compared by size:
    /// <c>tunnel_parent_count</c> is 0 for unset, otherwise the number of uids.
    /// </summary>
    private static Dictionary<string, string> WithTunnelParentCount(Dictionary<string, string> row)
    {
        if (row.TryGetValue("tunnel_parents", out var parents))
        {
            row["tunnel_parent_count"] = parents == "-" ? "0" : parents.Split(',').Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return row;
    }

    private static Dictionary<string, string> Fields(string line)
    {
        var inner = line[(line.IndexOf('[', StringComparison.Ordinal) + 1)..line.LastIndexOf(']')];
        return inner.Split(", ").Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
    }
}
