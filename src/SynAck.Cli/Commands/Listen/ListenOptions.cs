namespace SynAck.Cli.Commands.Listen;

/// <summary>The bound arguments of <c>synack listen</c>.</summary>
/// <param name="Tun">Device and addresses.</param>
/// <param name="Port">Port SynAck listens on.</param>
/// <param name="Mode">What to do with each connection.</param>
/// <param name="File">File served in file mode.</param>
/// <param name="Count">Connections to serve before exiting; 0 serves until Ctrl-C.</param>
public sealed record ListenOptions(TunOptions Tun, ushort Port, EndpointMode Mode, string? File, int Count);
