namespace SynAck.Cli.Commands.Conns;

/// <summary>The bound arguments of <c>synack conns</c>.</summary>
public sealed record ConnsOptions(IReadOnlyList<string> Captures, ConnOutputFormat Format, bool VerifyChecksums, bool NoTunnels = false);
