using System.Diagnostics;

namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>Finds and runs the command-line tools the differential tests compare against.</summary>
internal static class ExternalTool
{
    public static bool Exists(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, name)))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a tool and returns (exit code, stdout, stderr).</summary>
    public static (int Exit, string Out, string Err) Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {tool}");
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    /// <summary>Runs a tool that must succeed and returns its stdout.</summary>
    public static string RunChecked(string tool, params string[] args)
    {
        var (exit, output, err) = Run(tool, args);
        Assert.True(exit == 0, $"{tool} {string.Join(' ', args)} exited {exit}: {err}");
        return output;
    }
}
