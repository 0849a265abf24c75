namespace SynAck.Cli.Output;

/// <summary>
/// One titled block of <c>synack analyze</c>: label/value rows (values may hold several columns, tab-separated),
/// right-aligned as numbers unless <paramref name="TextValues"/> (words and evidence, left-aligned).
/// </summary>
public sealed record AnalyzeSection(string Title, IReadOnlyList<KeyValuePair<string, string>> Rows, bool TextValues = false);
