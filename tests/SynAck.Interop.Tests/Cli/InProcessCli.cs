using System.Text;

namespace SynAck.Interop.Tests.Cli;

/// <summary>Runs the real <c>synack</c> command tree in-process (the same entry point the binary uses) on a worker thread.</summary>
internal static class InProcessCli
{
    /// <summary>Runs <paramref name="args"/>; returns exit code, stdout and stderr.</summary>
    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => Task.Run(() =>
    {
        using var stdout = new MemoryStream();
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new SynAck.Cli.CliEnvironment(stdout, stderr, () => new MemoryStream(), outputIsTerminal: false);
        var code = new SynAck.Cli.SynAckCli(env).Run(args);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    });
}
