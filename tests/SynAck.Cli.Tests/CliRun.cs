using System.Text;

namespace SynAck.Cli.Tests;

/// <summary>The outcome of one in-process <c>synack</c> run.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr, byte[] StdoutBytes)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs the command tree in-process with memory streams; <paramref name="terminal"/> pretends stdout is a terminal.</summary>
    public static CliRun Of(
        string[] args, bool terminal = false, byte[]? stdin = null, TimeProvider? time = null, bool errorTerminal = false, Func<long>? peakMemory = null)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment(
            stdout, stderr, () => new MemoryStream(stdin ?? []), terminal, terminalWidth: terminal ? 160 : 0, time ?? new FixedClock(FixedClock.Default),
            errorTerminal, peakMemory);
        // With a time limit far above any command's need here, so a hang (e.g. a multi-threaded run losing a
        // hand-over) fails its test instead of stalling the suite.
        var run = Task.Factory.StartNew(() => new SynAckCli(env).Run(args), TaskCreationOptions.LongRunning);
        Assert.True(run.Wait(Limit), $"synack {string.Join(' ', args)} did not finish within {Limit.TotalMinutes} minutes");
        var bytes = stdout.ToArray();
        return new CliRun(run.Result, Encoding.UTF8.GetString(bytes), stderr.ToString(), bytes);
    }

    public static CliRun Of(params string[] args) => Of(args, terminal: false);

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
}
