namespace SynAck.Analysis.Findings;

/// <summary>A kind of finding: its stable id (never reused or renumbered), severity and one-line title.</summary>
public sealed record FindingDefinition(string Id, FindingSeverity Severity, string Title)
{
    /// <summary>Relative path of the finding's documentation page in the repository.</summary>
    public string DocPath => $"docs/findings/{Id}.md";
}
