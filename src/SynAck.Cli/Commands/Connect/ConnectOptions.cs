using SynAck.Cli.Commands.Listen;

namespace SynAck.Cli.Commands.Connect;

/// <summary>The bound arguments of <c>synack connect</c>.</summary>
/// <param name="Tun">Device and addresses; the connection goes to <see cref="TunOptions.Peer"/>.</param>
/// <param name="Port">The kernel-side server's port.</param>
/// <param name="Mode">What to do once connected.</param>
/// <param name="File">File to send in file mode.</param>
public sealed record ConnectOptions(TunOptions Tun, ushort Port, EndpointMode Mode, string? File);
