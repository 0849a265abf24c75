using SynAck.Interop.Tests.Kernel;

namespace SynAck.Interop.Tests.Cli;

/// <summary>An empty test-owned network namespace (loopback up) for a CLI command to put its TUN device in; deleted on dispose.</summary>
internal sealed class BareNamespace : IAsyncDisposable
{
    private static int s_counter;

    private BareNamespace(string name, int n, int subnet)
    {
        Name = name;
        Device = $"sc{Environment.ProcessId % 100000}x{n}";
        Kernel = $"10.78.{subnet}.1";
        SynAck = $"10.78.{subnet}.2";
    }

    public string Name { get; }

    /// <summary>A unique TUN device name for the command under test.</summary>
    public string Device { get; }

    public string Kernel { get; }

    public string SynAck { get; }

    public static async Task<BareNamespace> CreateAsync()
    {
        var n = Interlocked.Increment(ref s_counter);
        var pid = Environment.ProcessId % 100000;
        var ns = new BareNamespace($"synack-cli-{pid}-{n}", n, ((pid * 11) + n) % 250 + 1);
        await ProcessRunner.CheckAsync("ip", "netns", "add", ns.Name);
        try
        {
            await ProcessRunner.CheckAsync("ip", "-n", ns.Name, "link", "set", "lo", "up");
        }
        catch
        {
            await ns.DisposeAsync();
            throw;
        }

        return ns;
    }

    /// <summary>Starts a command inside the namespace.</summary>
    public System.Diagnostics.Process Start(params string[] args) => ProcessRunner.Start("ip", ["netns", "exec", Name, .. args]);

    /// <summary>Waits until the command under test has configured its device (the kernel's address is on it).</summary>
    public async Task WaitForDeviceAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var (_, stdout, _) = await ProcessRunner.RunAsync("ip", ["-n", Name, "-o", "addr", "show", "dev", Device], TimeSpan.FromSeconds(10));
            if (stdout.Contains(Kernel, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"device {Device} was not configured in {Name}");
    }

    public async ValueTask DisposeAsync() => await ProcessRunner.RunAsync("ip", ["netns", "del", Name], TimeSpan.FromSeconds(30));
}
