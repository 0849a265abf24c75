namespace SynAck.Cli.Commands.Info;

/// <summary>The bound arguments of <c>synack info</c>.</summary>
public sealed record InfoOptions(IReadOnlyList<string> Captures, bool Json, bool VerifyChecksums);
