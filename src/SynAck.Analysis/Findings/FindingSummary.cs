namespace SynAck.Analysis.Findings;

/// <summary>
/// A digest of findings for reports: how many findings per severity (highest first) and per id (catalog order),
/// and the most important examples (by severity, then matched count, then first frame).
/// </summary>
public sealed record FindingSummary
{
    /// <summary>Examples kept by <see cref="Create"/> unless told otherwise.</summary>
    public const int DefaultTopCount = 10;

    public required long Total { get; init; }

    /// <summary>Findings per severity, High first; every severity listed.</summary>
    public required IReadOnlyList<KeyValuePair<FindingSeverity, long>> BySeverity { get; init; }

    /// <summary>Ids that occurred, in catalog order.</summary>
    public required IReadOnlyList<FindingIdCount> ById { get; init; }

    public required IReadOnlyList<Finding> Top { get; init; }

    public static FindingSummary Create(IReadOnlyList<Finding> findings, int topCount = DefaultTopCount)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var severities = new List<KeyValuePair<FindingSeverity, long>>();
        for (var level = (int)FindingSeverity.High; level >= (int)FindingSeverity.Info; level--)
        {
            var s = (FindingSeverity)level;
            var n = 0L;
            foreach (var f in findings)
            {
                n += f.Severity == s ? 1 : 0;
            }

            severities.Add(new(s, n));
        }

        var ids = new List<FindingIdCount>();
        foreach (var d in FindingCatalog.All)
        {
            long count = 0, matched = 0;
            foreach (var f in findings)
            {
                if (f.Id == d.Id)
                {
                    count++;
                    matched += f.Count;
                }
            }

            if (count > 0)
            {
                ids.Add(new FindingIdCount(d, count, matched));
            }
        }

        var top = findings
            .OrderByDescending(f => f.Severity)
            .ThenByDescending(f => f.Count)
            .ThenBy(f => f.FirstFrame)
            .Take(topCount)
            .ToList();
        return new FindingSummary { Total = findings.Count, BySeverity = severities, ById = ids, Top = top };
    }
}
