using System.Net.Sockets;
using SynAck.Stack.Tcp;

namespace SynAck.Stack.Hosting;

/// <summary>Maps a connection's end to the exception the .NET API surfaces.</summary>
internal static class TcpErrors
{
    public static IOException ToException(TcpConnection c) => c.Error switch
    {
        TcpError.ConnectionRefused => new TcpConnectionRefusedException($"Connection to {c.Remote} refused."),
        TcpError.ConnectionReset => new IOException($"Connection to {c.Remote} reset by peer.", new SocketException((int)SocketError.ConnectionReset)),
        TcpError.TimedOut => new IOException($"Connection to {c.Remote} timed out.", new SocketException((int)SocketError.TimedOut)),
        TcpError.Aborted => new IOException($"Connection to {c.Remote} was aborted.", new SocketException((int)SocketError.ConnectionAborted)),
        _ => new IOException($"Connection to {c.Remote} is closed.", new SocketException((int)SocketError.NotConnected)),
    };
}
