using SynAck.Stack.Tcp;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Hosting;

/// <summary>
/// One connection of a <see cref="TcpHost"/> as a <see cref="Stream"/>: reads return 0 at the peer's FIN, writes
/// complete once the stack has buffered the bytes, <see cref="ShutdownWrite"/> half-closes, <see cref="Abort"/>
/// resets, and disposing closes gracefully (RFC 9293 §3.10.4). One read and one write may be pending at a time.
/// </summary>
public sealed class TcpStream : Stream
{
    private readonly TcpHost _host;
    private readonly TcpConnection _connection;
    private bool _disposed;

    internal TcpStream(TcpHost host, TcpConnection connection)
    {
        _host = host;
        _connection = connection;
        LocalEndpoint = connection.Local;
        RemoteEndpoint = connection.Remote;
    }

    /// <summary>Local address and port.</summary>
    public TcpEndpoint LocalEndpoint { get; }

    /// <summary>Remote address and port.</summary>
    public TcpEndpoint RemoteEndpoint { get; }

    public override bool CanRead => !_disposed;

    public override bool CanWrite => !_disposed;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The connection's state, read on the stack thread.</summary>
    public Task<TcpState> GetStateAsync() => _host.InvokeAsync(() => _connection.State);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return ValueTask.FromResult(0);
        }

        var tcs = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Post(() => _host.AddWaiter(new ReadWaiter(_connection, buffer, tcs)));
        return new ValueTask<int>(WithCancellation(tcs, cancellationToken));
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        var tcs = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Post(() => _host.AddWaiter(new WriteWaiter(_connection, buffer, tcs)));
        return new ValueTask(WithCancellation(tcs, cancellationToken));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    /// <summary>Writes are handed to the stack when they complete, so there is nothing to flush (as with NetworkStream).</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;

    public override void Flush()
    {
    }

    /// <summary>Half-close: our FIN follows the buffered data; reading continues until the peer's FIN.</summary>
    public void ShutdownWrite() => _host.Post(() => _connection.ShutdownWrite(_host.Now));

    /// <summary>Resets the connection (RFC 9293 §3.10.5): a RST goes out and buffered data is discarded.</summary>
    public void Abort()
    {
        _disposed = true;
        _host.Post(() => _connection.Abort(_host.Now));
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            _host.Post(() => _connection.Close(_host.Now));
        }

        base.Dispose(disposing);
    }

    private static async Task<int> WithCancellation(TaskCompletionSource<int> tcs, CancellationToken ct)
    {
        using var reg = ct.Register(() => tcs.TrySetCanceled(ct));
        return await tcs.Task.ConfigureAwait(false);
    }

    private sealed class ReadWaiter(TcpConnection c, Memory<byte> buffer, TaskCompletionSource<int> tcs) : IWaiter
    {
        public bool TryComplete(Instant now)
        {
            if (tcs.Task.IsCompleted)
            {
                return true;
            }

            var n = c.Receive(buffer.Span);
            if (n > 0 || c.RemoteClosed)
            {
                tcs.TrySetResult(n);
                return true;
            }

            if (c.State == TcpState.Closed)
            {
                if (c.Error == TcpError.None)
                {
                    tcs.TrySetResult(0);
                }
                else
                {
                    tcs.TrySetException(TcpErrors.ToException(c));
                }

                return true;
            }

            return false;
        }
    }

    private sealed class WriteWaiter(TcpConnection c, ReadOnlyMemory<byte> remaining, TaskCompletionSource<int> tcs) : IWaiter
    {
        public bool TryComplete(Instant now)
        {
            if (tcs.Task.IsCompleted)
            {
                return true;
            }

            if (!c.CanSend)
            {
                tcs.TrySetException(c.State == TcpState.Closed ? TcpErrors.ToException(c) : new IOException("The connection is closing for sending."));
                return true;
            }

            remaining = remaining[c.Send(remaining.Span)..];
            if (remaining.IsEmpty)
            {
                tcs.TrySetResult(0);
                return true;
            }

            return false;
        }
    }
}
