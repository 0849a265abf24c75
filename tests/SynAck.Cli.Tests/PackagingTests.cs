using System.Diagnostics;

namespace SynAck.Cli.Tests;

public sealed class PackagingTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>scripts/check-pack.sh packs the already built tool, installs it into a scratch tool path from that
    /// package only, and runs <c>synack --help</c> and <c>synack info</c> on the sample.</summary>
    [SkippableFact]
    public void Pack_InstallFromLocalSource_ToolRuns()
    {
        Skip.IfNot(File.Exists("/bin/bash"), "bash is not available to run scripts/check-pack.sh");
        var work = Path.Combine(Path.GetTempPath(), "synack-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
            foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "scripts", "check-pack.sh"), "--no-build", "-c", Configuration, work })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.True(process.ExitCode == 0, $"check-pack.sh exited {process.ExitCode}: {stdout} {stderr.Result}");
            Assert.Equal($"synack tool: packed, installed and ran from {work}/tools\n", stdout);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
