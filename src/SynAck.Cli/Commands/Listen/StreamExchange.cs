using System.Security.Cryptography;
using SynAck.Stack.Hosting;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Commands.Listen;

/// <summary>Runs one <see cref="EndpointMode"/> over an established connection, then closes it gracefully.</summary>
public static class StreamExchange
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>
    /// Echo, discard or send <paramref name="openFile"/>; then CLOSE and wait until the connection reached
    /// TIME-WAIT or CLOSED (RFC 9293 §3.10.4), so the teardown is on the wire before the command exits.
    /// </summary>
    public static async Task<ExchangeResult> RunAsync(TcpStream stream, EndpointMode mode, Func<Stream>? openFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var sent = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var received = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long sentBytes = 0;
        long receivedBytes = 0;
        var buffer = new byte[ChunkSize];
        Task sending = Task.CompletedTask;
        if (mode == EndpointMode.File)
        {
            sending = SendFileAsync(stream, openFile!, sent, n => sentBytes += n, cancellationToken);
        }

        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            received.AppendData(buffer, 0, read);
            receivedBytes += read;
            if (mode == EndpointMode.Echo)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                sent.AppendData(buffer, 0, read);
                sentBytes += read;
            }
        }

        await sending.ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
        await WaitClosedAsync(stream, cancellationToken).ConfigureAwait(false);
        return new ExchangeResult(sentBytes, Hex(sent), receivedBytes, Hex(received));
    }

    /// <summary>Polls the connection's state until it is TIME-WAIT or CLOSED (at most 30 s: a peer that never ACKs our FIN).</summary>
    public static async Task WaitClosedAsync(TcpStream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && await stream.GetStateAsync().ConfigureAwait(false) is not (TcpState.TimeWait or TcpState.Closed))
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SendFileAsync(TcpStream stream, Func<Stream> openFile, IncrementalHash hash, Action<int> count, CancellationToken ct)
    {
        var buffer = new byte[ChunkSize];
        await using (var file = openFile())
        {
            int n;
            while ((n = await file.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                hash.AppendData(buffer, 0, n);
                count(n);
            }
        }

        // Half-close: the peer sees end of file and can answer; we keep reading until its FIN.
        stream.ShutdownWrite();
    }

    private static string Hex(IncrementalHash h) => Convert.ToHexStringLower(h.GetHashAndReset());
}
