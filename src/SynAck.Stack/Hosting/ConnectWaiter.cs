using SynAck.Stack.Tcp;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Hosting;

/// <summary>Waits for an active open to reach ESTABLISHED (or fail).</summary>
internal sealed class ConnectWaiter(TcpHost host, TcpConnection connection, TaskCompletionSource<TcpStream> tcs) : IWaiter
{
    public bool TryComplete(Instant now)
    {
        if (tcs.Task.IsCompleted)
        {
            if (tcs.Task.IsCanceled)
            {
                connection.Abort(now);
            }

            return true;
        }

        if (connection.WasEstablished)
        {
            tcs.TrySetResult(new TcpStream(host, connection));
            return true;
        }

        if (connection.State == TcpState.Closed)
        {
            tcs.TrySetException(TcpErrors.ToException(connection));
            return true;
        }

        return false;
    }
}
