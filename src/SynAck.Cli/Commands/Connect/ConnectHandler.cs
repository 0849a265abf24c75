using SynAck.Cli.Commands.Listen;
using SynAck.Stack;

namespace SynAck.Cli.Commands.Connect;

/// <summary>Runs <c>synack connect</c>: one line on standard output with what was sent and received.</summary>
public sealed class ConnectHandler(CliEnvironment environment, TextWriter output)
{
    /// <summary>How long the handshake may take before the command gives up.</summary>
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(ConnectOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Privilege.Require("connect", $"creates the TUN device {options.Tun.Device}");
        var log = TextWriter.Synchronized(environment.Error);
        var openFile = EndpointFiles.Opener(environment, options.File);
        await using var session = await TunSession.OpenAsync(options.Tun, EndpointTcp.Config, log).ConfigureAwait(false);
        var remote = new TcpEndpoint(options.Tun.Peer, options.Port);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_connectTimeout);
            var stream = await session.Host.ConnectAsync(remote, timeout.Token).ConfigureAwait(false);
            var result = await StreamExchange.RunAsync(stream, options.Mode, openFile, cancellationToken).ConfigureAwait(false);
            output.WriteLine(result.Describe(remote.ToString(), options.Mode));
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw CliException.Input($"connection to {remote} timed out after {s_connectTimeout.TotalSeconds:0} s");
        }
        catch (OperationCanceledException)
        {
            log.WriteLine("synack: interrupted");
            return ExitCodes.Ok;
        }
    }
}
