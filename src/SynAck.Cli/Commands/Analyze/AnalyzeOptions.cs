namespace SynAck.Cli.Commands.Analyze;

/// <summary>The bound arguments of <c>synack analyze</c>.</summary>
public sealed record AnalyzeOptions(IReadOnlyList<string> Captures, bool Json, bool VerifyChecksums, int Threads = 1, bool Stats = false, bool NoTunnels = false);
