namespace SynAck.Cli.Commands.Conns;

/// <summary>The bound arguments of <c>synack conns</c>.</summary>
public sealed record ConnsOptions(IReadOnlyList<string> Captures, ConnOutputFormat Format, bool VerifyChecksums, int Threads = 1, bool Stats = false, bool NoTunnels = false);
