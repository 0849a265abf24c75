namespace SynAck.Cli.Output;

/// <summary>One titled block of <c>synack analyze</c>: label/value rows (values may hold several columns, tab-separated).</summary>
public sealed record AnalyzeSection(string Title, IReadOnlyList<KeyValuePair<string, string>> Rows);
