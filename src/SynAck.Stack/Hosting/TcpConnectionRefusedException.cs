using System.Net.Sockets;

namespace SynAck.Stack.Hosting;

/// <summary>The peer answered the SYN with a RST (RFC 9293 §3.10.7.3): nothing listens on that port.</summary>
public sealed class TcpConnectionRefusedException : IOException
{
    public TcpConnectionRefusedException()
        : this("Connection refused.")
    {
    }

    public TcpConnectionRefusedException(string message)
        : base(message, new SocketException((int)SocketError.ConnectionRefused))
    {
    }

    public TcpConnectionRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Always <see cref="SocketError.ConnectionRefused"/>.</summary>
    public SocketError SocketErrorCode => SocketError.ConnectionRefused;
}
