using System.Diagnostics;
using System.Globalization;
using System.Text;
using SynAck.Cli.Commands.Listen;
using SynAck.Stack;
using SynAck.Stack.Hosting;
using SynAck.Stack.Links;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Commands.Demo;

/// <summary>
/// Runs <c>synack demo</c>: creates a network namespace holding the kernel's end of a TUN device, lets the kernel
/// connect to SynAck and SynAck connect to the kernel while <see cref="DemoLadder"/> prints the exchange, and
/// removes the namespace and the device whatever happens (including Ctrl-C).
/// </summary>
public sealed class DemoHandler(CliEnvironment environment, TextWriter output)
{
    private const ushort SynAckPort = 8080;
    private const ushort KernelPort = 9090;
    private static readonly TimeSpan s_stepTimeout = TimeSpan.FromSeconds(30);

    public async Task<int> RunAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        Privilege.Require("demo", "creates a network namespace and a TUN device");
        RequireTool("python3");
        RequireTool("ss");
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var netns = "synack-demo-" + pid;
        var log = TextWriter.Synchronized(environment.Error);
        var processes = new List<Process>();
        var created = false;
        try
        {
            await ExternalCommand.CheckAsync("ip", "netns", "add", netns).ConfigureAwait(false);
            created = true;
            await ExternalCommand.CheckAsync("ip", "-n", netns, "link", "set", "lo", "up").ConfigureAwait(false);
            var tap = new LadderTap();
            var tun = new TunOptions("sademo" + pid, options.SynAck, options.Kernel, netns, 1500, options.Pcap, Verbose: false);
            Func<ILink, ILink>? pace = options.Pace > TimeSpan.Zero
                ? link => new ImpairedLink(link, new ImpairmentOptions { Delay = options.Pace, Directions = ImpairmentDirections.Both })
                : null;
            await using var session = await TunSession.OpenAsync(tun, EndpointTcp.Config with { Msl = options.Msl }, log, pace, tap).ConfigureAwait(false);
            session.Host.Transition += tap.OnTransition;
            await using var sampler = new KernelStateSampler(netns, () => session.Host.Now);
            var ladder = new DemoLadder(output, tap, sampler, () => session.Host.Now);
            using var stopLadder = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var printing = ladder.RunAsync(stopLadder.Token);
            try
            {
                ladder.WriteLine($"synack demo: namespace {netns}, TUN device {session.DeviceName}: the kernel is {options.Kernel}, SynAck is {options.SynAck}; each packet is delayed {options.Pace.TotalMilliseconds:0} ms on SynAck's link so every state shows");
                var quiet = (options.Pace * 2) + TimeSpan.FromMilliseconds(300);
                await KernelConnectsAsync(session, ladder, options, netns, processes, quiet, cancellationToken).ConfigureAwait(false);
                await SynAckConnectsAsync(session, ladder, options, netns, processes, quiet, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                var why = processes.Count > 0 && processes[^1].HasExited ? await processes[^1].StandardError.ReadToEndAsync(CancellationToken.None).ConfigureAwait(false) : string.Empty;
                throw CliException.Input($"demo: a step did not finish within {s_stepTimeout.TotalSeconds:0} s {why.Trim()}");
            }
            finally
            {
                await stopLadder.CancelAsync().ConfigureAwait(false);
                await IgnoreCancellation(printing).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var p in processes)
            {
                ExternalCommand.StopQuietly(p);
                p.Dispose();
            }

            if (created)
            {
                await ExternalCommand.RunAsync("ip", ["netns", "del", netns], TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
                log.WriteLine($"synack: removed network namespace {netns} and its TUN device");
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task KernelConnectsAsync(TunSession session, DemoLadder ladder, DemoOptions o, string netns, List<Process> processes, TimeSpan quiet, CancellationToken ct)
    {
        var synackEnd = new TcpEndpoint(o.SynAck, SynAckPort);
        await using var listener = await session.Host.ListenAsync(SynAckPort).ConfigureAwait(false);
        ladder.WriteLine(string.Empty);
        ladder.WriteLine($"1. The kernel connects to SynAck: python3 in {netns} sends a request to {synackEnd}, reads the answer and closes first");
        await ladder.BeginPartAsync("LISTEN", synackEnd.ToString(), string.Empty, 0, ct).ConfigureAwait(false);
        var accept = listener.AcceptAsync(ct);
        var client = Start(processes, ["netns", "exec", netns, "python3", "-c", DemoScripts.Client, o.SynAck.ToString(), SynAckPort.ToString(CultureInfo.InvariantCulture)]);
        var s = await accept.WaitAsync(s_stepTimeout, ct).ConfigureAwait(false);
        var request = await ReadLineAsync(s, ct).ConfigureAwait(false);
        await s.WriteAsync("hello from SynAck\n"u8.ToArray(), ct).ConfigureAwait(false);
        while (await s.ReadAsync(new byte[256], ct).ConfigureAwait(false) > 0)
        {
        }

        await s.DisposeAsync().ConfigureAwait(false);
        await StreamExchange.WaitClosedAsync(s, ct).ConfigureAwait(false);
        var answer = await client.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(s_stepTimeout, ct).ConfigureAwait(false);
        await ladder.DrainAsync(quiet, ct).ConfigureAwait(false);
        ladder.WriteLine($"   SynAck got \"{request}\", the kernel got \"{answer}\"; {Isns(ladder)}");
    }

    private static async Task SynAckConnectsAsync(TunSession session, DemoLadder ladder, DemoOptions o, string netns, List<Process> processes, TimeSpan quiet, CancellationToken ct)
    {
        var kernelEnd = new TcpEndpoint(o.Kernel, KernelPort);
        // The kernel stays in CLOSE-WAIT a while, so that ss sees it even on a busy machine.
        var pause = (o.Pace.TotalSeconds * 2) + 0.5;
        var server = Start(processes, ["netns", "exec", netns, "python3", "-c", DemoScripts.Server, o.Kernel.ToString(), KernelPort.ToString(CultureInfo.InvariantCulture), pause.ToString("0.###", CultureInfo.InvariantCulture)]);
        var ready = await server.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(s_stepTimeout, ct).ConfigureAwait(false);
        if (ready != "ready")
        {
            throw CliException.Input("the kernel-side server did not start: " + await server.StandardError.ReadToEndAsync(ct).ConfigureAwait(false));
        }

        ladder.WriteLine(string.Empty);
        ladder.WriteLine($"2. SynAck connects to the kernel: SynAck sends a request to python3 at {kernelEnd}, reads the answer and closes first");
        await ladder.BeginPartAsync("CLOSED", o.SynAck.ToString(), kernelEnd.ToString(), KernelPort, ct).ConfigureAwait(false);
        var s = await session.Host.ConnectAsync(kernelEnd, ct).WaitAsync(s_stepTimeout, ct).ConfigureAwait(false);
        await s.WriteAsync("hello from SynAck\n"u8.ToArray(), ct).ConfigureAwait(false);
        var answer = await ReadLineAsync(s, ct).ConfigureAwait(false);
        await s.DisposeAsync().ConfigureAwait(false);

        // SynAck closed first, so it passes through TIME-WAIT; wait for 2·MSL to end in CLOSED.
        var deadline = DateTime.UtcNow + (o.Msl * 2) + s_stepTimeout;
        while (await s.GetStateAsync().ConfigureAwait(false) != TcpState.Closed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, ct).ConfigureAwait(false);
        }

        var request = await server.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(s_stepTimeout, ct).ConfigureAwait(false);
        await ladder.DrainAsync(quiet, ct).ConfigureAwait(false);
        ladder.WriteLine($"   the kernel got \"{request}\", SynAck got \"{answer}\"; {Isns(ladder)}");
    }

    private static string Isns(DemoLadder ladder) => string.Create(
        CultureInfo.InvariantCulture,
        $"ISNs: SynAck {ladder.SynAckIsn}, kernel {ladder.KernelIsn} (seq and ack above are relative to them)");

    private static Process Start(List<Process> processes, string[] args)
    {
        var p = ExternalCommand.Start("ip", args);
        processes.Add(p);
        return p;
    }

    /// <summary>Reads one line of text from the connection (the demo's messages are short ASCII lines).</summary>
    private static async Task<string> ReadLineAsync(Stream s, CancellationToken ct)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await s.ReadAsync(one, ct).ConfigureAwait(false) == 1 && one[0] != (byte)'\n')
        {
            line.Append((char)one[0]);
        }

        return line.ToString();
    }

    private static async Task IgnoreCancellation(Task t)
    {
        try
        {
            await t.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The ladder printer ends by cancellation.
            return;
        }
    }

    private static void RequireTool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            if (File.Exists(Path.Combine(dir, name)))
            {
                return;
            }
        }

        throw CliException.Input($"demo needs {name} on PATH (the kernel's side of the demo uses it)");
    }
}
