using System.Diagnostics;
using System.Text;

namespace SynAck.Cli.Commands.Listen;

/// <summary>Runs the system tools the endpoint commands need (iproute2, ss, python3) with a timeout.</summary>
public static class ExternalCommand
{
    /// <summary>Runs <paramref name="file"/> to completion; returns its exit code and output.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string file, IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var p = Start(file, args);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = p.StandardError.ReadToEndAsync(CancellationToken.None);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return (p.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Runs <paramref name="file"/> and throws a one-line <see cref="CliException"/> when it fails.</summary>
    public static async Task CheckAsync(string file, params string[] args)
    {
        var (exit, _, stderr) = await RunAsync(file, args, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (exit != 0)
        {
            throw CliException.Input($"'{file} {string.Join(' ', args)}' failed: {stderr.Trim()}");
        }
    }

    /// <summary>Starts a long-running process with redirected standard streams.</summary>
    public static Process Start(string file, IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            return Process.Start(psi) ?? throw CliException.Input($"could not start {file}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw CliException.Input($"could not start {file}: {e.Message}");
        }
    }

    /// <summary>Kills a process this command started, ignoring one that already exited.</summary>
    public static void StopQuietly(Process? p)
    {
        if (p is null)
        {
            return;
        }

        try
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
            // The process exited between the check and the kill: nothing left to stop.
            return;
        }
    }
}
