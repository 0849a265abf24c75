using SynAck.Stack.Tcp;

namespace SynAck.Stack.Hosting;

/// <summary>A listening port of a <see cref="TcpHost"/>.</summary>
public sealed class TcpHostListener : IAsyncDisposable
{
    private readonly TcpHost _host;
    private readonly Listener _listener;

    internal TcpHostListener(TcpHost host, Listener listener)
    {
        _host = host;
        _listener = listener;
    }

    /// <summary>Local address and port.</summary>
    public TcpEndpoint Local => _listener.Local;

    /// <summary>Completes with the next established connection.</summary>
    public async Task<TcpStream> AcceptAsync(CancellationToken cancellationToken = default)
    {
        var tcs = new TaskCompletionSource<TcpStream>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Post(() => _host.AddWaiter(new AcceptWaiter(_host, _listener, tcs)));
        using var reg = cancellationToken.Register(() => tcs.TrySetCanceled(cancellationToken));
        return await tcs.Task.ConfigureAwait(false);
    }

    /// <summary>Stops listening.</summary>
    public ValueTask DisposeAsync() => new(_host.InvokeAsync(() =>
    {
        _host.CloseListener(_listener);
        return true;
    }));

    private sealed class AcceptWaiter(TcpHost host, Listener listener, TaskCompletionSource<TcpStream> tcs) : IWaiter
    {
        public bool TryComplete(Instant now)
        {
            if (tcs.Task.IsCompleted)
            {
                return true;
            }

            if (listener.TryAccept(out var c))
            {
                tcs.TrySetResult(new TcpStream(host, c));
                return true;
            }

            if (!listener.IsOpen)
            {
                tcs.TrySetException(new ObjectDisposedException(nameof(TcpHostListener)));
                return true;
            }

            return false;
        }
    }
}
