namespace SynAck.Cli.Commands.Analyze;

/// <summary>The bound arguments of <c>synack analyze</c>.</summary>
public sealed record AnalyzeOptions(IReadOnlyList<string> Captures, bool Json, bool VerifyChecksums, bool NoTunnels = false);
