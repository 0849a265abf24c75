using System.Text;

namespace SynAck.Cli.Tests;

/// <summary>The outcome of one in-process <c>synack</c> run.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
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
        var code = new SynAckCli(env).Run(args);
        return new CliRun(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    public static CliRun Of(params string[] args) => Of(args, terminal: false);
}
