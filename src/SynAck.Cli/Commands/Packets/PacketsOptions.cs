namespace SynAck.Cli.Commands.Packets;

/// <summary>The bound arguments of <c>synack packets</c>.</summary>
public sealed record PacketsOptions(string Capture, PacketOutputFormat Format, bool All, bool VerifyChecksums, bool NoTunnels = false);
