using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.Labeled;

/// <summary>
/// Compares records with a labels file: rows are matched by 4-tuple, incarnations of a reused 4-tuple in order of
/// t_start against records in order of first packet; '?' values are skipped.
/// </summary>
internal static class LabelCheck
{
    /// <summary>Mismatches as "scenario port field expected actual" lines, plus how many rows were checked.</summary>
    public static (List<string> Mismatches, int Rows) Compare(IReadOnlyList<ConnRecord> records, IReadOnlyList<LabelRow> labels)
    {
        var byTuple = records
            .GroupBy(r => (r.OrigHost.ToString(), (int)r.OrigPort, r.RespHost.ToString(), (int)r.RespPort))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.TimestampNanos).ToList());
        var used = new Dictionary<(string, int, string, int), int>();
        var mismatches = new List<string>();
        foreach (var l in labels.OrderBy(l => l.TStart))
        {
            var key = (l.ClientIp, l.ClientPort, l.ServerIp, l.ServerPort);
            var i = used.GetValueOrDefault(key);
            used[key] = i + 1;
            if (!byTuple.TryGetValue(key, out var list) || i >= list.Count)
            {
                mismatches.Add($"{l.Scenario} {l.ClientPort}->{l.ServerPort} #{i} missing");
                continue;
            }

            var r = list[i];
            Check(mismatches, l, "conn_state", l.ConnState, r.ConnState.ToZeekCode());
            Check(mismatches, l, "client_final_state", l.ClientFinal, r.OrigState.ToName());
            Check(mismatches, l, "server_final_state", l.ServerFinal, r.RespState.ToName());
            Check(mismatches, l, "closer", l.Closer, r.ActiveCloser switch
            {
                ActiveCloser.Orig => "client",
                ActiveCloser.Resp => "server",
                ActiveCloser.Both => "both",
                _ => "none",
            });
        }

        foreach (var (key, list) in byTuple)
        {
            if (list.Count > used.GetValueOrDefault(key))
            {
                mismatches.Add($"unlabeled records for {key}: {list.Count - used.GetValueOrDefault(key)}");
            }
        }

        return (mismatches, labels.Count);
    }

    private static void Check(List<string> mismatches, LabelRow l, string field, string expected, string actual)
    {
        if (expected != "?" && expected != actual)
        {
            mismatches.Add($"{l.Scenario} {l.ClientPort}->{l.ServerPort} {field} expected {expected} actual {actual}");
        }
    }
}
