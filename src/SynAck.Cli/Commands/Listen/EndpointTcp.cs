using SynAck.Stack.Tcp;

namespace SynAck.Cli.Commands.Listen;

/// <summary>The TCP tunables the endpoint commands use.</summary>
public static class EndpointTcp
{
    /// <summary>
    /// RFC defaults except the minimum RTO, which is Linux's 200 ms rather than RFC 6298's 1 s (the peer is the
    /// local kernel), and 1 MiB buffers so a bulk transfer is not window-limited.
    /// </summary>
    public static TcpConfig Config { get; } = new()
    {
        MinRto = TimeSpan.FromMilliseconds(200),
        SendBufferSize = 1 << 20,
        ReceiveBufferSize = 1 << 20,
    };
}
