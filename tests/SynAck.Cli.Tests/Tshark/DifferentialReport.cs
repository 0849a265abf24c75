namespace SynAck.Cli.Tests.Tshark;

/// <summary>Counts of agreeing, explained and disagreeing packets for one trace.</summary>
internal sealed class DifferentialReport
{
    private readonly SortedDictionary<string, int> _explained = new(StringComparer.Ordinal);
    private int _agree;

    public List<string> Disagreements { get; } = [];

    public void Agree() => _agree++;

    public void Explain(string reason) => _explained[reason] = _explained.GetValueOrDefault(reason) + 1;

    public void Disagree(string detail) => Disagreements.Add(detail);

    /// <summary>"1234/1240 tshark TCP packets agree (99.52 %), 6 documented (tunnel 6), 0 disagree".</summary>
    public string Summary(int total)
    {
        var explained = _explained.Values.Sum();
        var rate = total == 0 ? 100.0 : 100.0 * _agree / total;
        var reasons = string.Join(", ", _explained.Select(kv => $"{kv.Key} {kv.Value}"));
        return FormattableString.Invariant(
            $"{_agree}/{total} tshark TCP packets agree ({rate:F2} %), {explained} documented{(reasons.Length > 0 ? $" ({reasons})" : "")}, {Disagreements.Count} disagree");
    }
}
