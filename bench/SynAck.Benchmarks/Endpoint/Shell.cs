using System.Diagnostics;

namespace SynAck.Benchmarks.Endpoint;

/// <summary>Runs iproute2 and python3 for the comparison's setup (outside the timed region).</summary>
internal static class Shell
{
    public static void Check(params string[] args)
    {
        using var p = Start(args);
        p.StandardInput.Close();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} failed: {err}");
        }
    }

    public static void Try(params string[] args)
    {
        using var p = Start(args);
        p.StandardInput.Close();
        p.WaitForExit();
    }

    public static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo(args[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args.AsSpan(1))
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("could not start " + args[0]);
    }
}
