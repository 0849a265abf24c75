namespace SynAck.Cli.Commands.Ladder;

/// <summary>The bound arguments of <c>synack ladder</c>.</summary>
public sealed record LadderOptions(
    IReadOnlyList<string> Captures, ConnSelector Connection, bool Absolute, bool VerifyChecksums, bool NoTunnels = false);
