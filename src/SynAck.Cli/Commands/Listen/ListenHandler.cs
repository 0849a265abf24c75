using SynAck.Stack.Hosting;
using SynAck.Stack.Tcp;

namespace SynAck.Cli.Commands.Listen;

/// <summary>Runs <c>synack listen</c>: one line per served connection on standard output, status on standard error.</summary>
public sealed class ListenHandler(CliEnvironment environment, TextWriter output)
{
    private readonly Lock _outputGate = new();

    public async Task<int> RunAsync(ListenOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Privilege.Require("listen", $"creates the TUN device {options.Tun.Device}");
        var log = TextWriter.Synchronized(environment.Error);
        var openFile = EndpointFiles.Opener(environment, options.File);
        await using var session = await TunSession.OpenAsync(options.Tun, EndpointTcp.Config, log).ConfigureAwait(false);
        await using var listener = await session.Host.ListenAsync(options.Port).ConfigureAwait(false);
        log.WriteLine($"synack: listening on {listener.Local} ({options.Mode.ToString().ToLowerInvariant()}); the kernel is {options.Tun.Peer} on {session.DeviceName}{(options.Tun.Netns is null ? string.Empty : " in namespace " + options.Tun.Netns)}");
        var running = new List<Task>();
        try
        {
            for (var served = 0; options.Count == 0 || served < options.Count; served++)
            {
                var stream = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                running.Add(ServeAsync(stream, options, openFile, log, cancellationToken));
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: stop accepting; the device and the stack are removed by the disposals above.
            log.WriteLine("synack: interrupted");
        }

        return ExitCodes.Ok;
    }

    private async Task ServeAsync(TcpStream stream, ListenOptions options, Func<Stream>? openFile, TextWriter log, CancellationToken ct)
    {
        try
        {
            var result = await StreamExchange.RunAsync(stream, options.Mode, openFile, ct).ConfigureAwait(false);
            lock (_outputGate)
            {
                output.WriteLine(result.Describe(stream.RemoteEndpoint.ToString(), options.Mode));
                output.Flush();
            }
        }
        catch (IOException e)
        {
            // A reset or timed-out connection ends that connection only; the listener keeps serving.
            log.WriteLine($"synack: {stream.RemoteEndpoint}: {e.Message}");
        }
    }
}
