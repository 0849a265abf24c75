using SynAck.Stack;
using SynAck.Stack.Hosting;
using SynAck.Stack.Links;
using SynAck.Stack.Tcp;
using SynAck.Wire;

namespace SynAck.Interop.Tests.Kernel;

/// <summary>
/// A test-owned network namespace holding the kernel's end of a TUN device: the kernel is 10.77.N.1/30 inside the
/// namespace, SynAck is 10.77.N.2 on the same point-to-point link, driven by a <see cref="TcpHost"/> in this
/// process. Each instance has a unique namespace and device name and removes both on dispose.
/// </summary>
internal sealed class KernelNamespace : IAsyncDisposable
{
    private static int s_counter;
    private readonly string _pcapPath;
    private PcapRecorder? _recorder;

    private KernelNamespace(string ns, int subnet, string pcapPath, bool ipv6)
    {
        Name = ns;
        Subnet = subnet;
        _pcapPath = pcapPath;
        if (ipv6)
        {
            IpAddr.TryParse($"fd77:0:0:{subnet:x}::1", out var kernel);
            IpAddr.TryParse($"fd77:0:0:{subnet:x}::2", out var stack);
            (KernelAddress, StackAddress) = (kernel, stack);
        }
        else
        {
            KernelAddress = IpAddr.FromV4((uint)((10 << 24) | (77 << 16) | (subnet << 8) | 1));
            StackAddress = IpAddr.FromV4((uint)((10 << 24) | (77 << 16) | (subnet << 8) | 2));
        }
    }

    public string Name { get; }

    public int Subnet { get; }

    public IpAddr KernelAddress { get; }

    public IpAddr StackAddress { get; }

    public TunLink Tun { get; private set; } = null!;

    public ImpairedLink? Impaired { get; private set; }

    public TcpHost Host { get; private set; } = null!;

    public string PcapPath => _pcapPath;

    /// <summary>Packets recorded so far.</summary>
    public long PacketsRecorded => _recorder?.PacketCount ?? 0;

    public List<TcpTransition> Transitions { get; } = [];

    /// <summary>Why kernel interop cannot run here, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "kernel interop needs Linux";
        }

        if (Environment.UserName != "root")
        {
            return "kernel interop needs root (network namespaces and TUN devices)";
        }

        if (!TunLink.IsSupported)
        {
            return "kernel interop needs /dev/net/tun";
        }

        return File.Exists("/usr/sbin/ip") || File.Exists("/sbin/ip") || File.Exists("/usr/bin/ip") ? null : "kernel interop needs iproute2 (ip)";
    }

    public static async Task<KernelNamespace> CreateAsync(string testName, ImpairmentOptions? impairment = null, int snapLength = 262144, bool ipv6 = false)
    {
        var n = Interlocked.Increment(ref s_counter);
        var pid = Environment.ProcessId % 100000;
        var subnet = ((pid * 7) + n) % 250 + 1;
        var ns = $"synack-{pid}-{n}";
        var pcap = Path.Combine(Path.GetTempPath(), $"synack-interop-{testName}-{pid}-{n}.pcap");
        var k = new KernelNamespace(ns, subnet, pcap, ipv6);
        await ProcessRunner.CheckAsync("ip", "netns", "add", ns);
        try
        {
            k.Tun = TunLink.Open($"sa{pid}x{n}");
            await ProcessRunner.CheckAsync("ip", "link", "set", "dev", k.Tun.Name, "netns", ns);
            await ProcessRunner.CheckAsync("ip", "-n", ns, "link", "set", "lo", "up");
            if (ipv6)
            {
                // IPv6 ignores a point-to-point peer for routing: the kernel gets a /128 and a host route to SynAck.
                await ProcessRunner.CheckAsync("ip", "-n", ns, "-6", "addr", "add", $"{k.KernelAddress}/128", "dev", k.Tun.Name, "nodad");
                await ProcessRunner.CheckAsync("ip", "-n", ns, "link", "set", k.Tun.Name, "up");
                await ProcessRunner.CheckAsync("ip", "-n", ns, "-6", "route", "add", $"{k.StackAddress}/128", "dev", k.Tun.Name);
            }
            else
            {
                await ProcessRunner.CheckAsync("ip", "-n", ns, "addr", "add", $"{k.KernelAddress}/30", "dev", k.Tun.Name);
                await ProcessRunner.CheckAsync("ip", "-n", ns, "link", "set", k.Tun.Name, "up");
            }

            ILink link = k.Tun;
            if (impairment is not null)
            {
                k.Impaired = new ImpairedLink(k.Tun, impairment);
                link = k.Impaired;
            }

            k._recorder = new PcapRecorder(File.Create(pcap), TcpHost.UnixNanosNow(), snapLength);
            k.Host = new TcpHost(
                new TcpStackOptions
                {
                    LocalAddress = k.StackAddress,
                    Tcp = new TcpConfig { MinRto = TimeSpan.FromMilliseconds(200), ReceiveBufferSize = 1 << 20, SendBufferSize = 1 << 20 },
                },
                link,
                tap: k._recorder);
            k.Host.Transition += t =>
            {
                lock (k.Transitions)
                {
                    k.Transitions.Add(t);
                }
            };
            return k;
        }
        catch
        {
            await k.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a command inside the namespace.</summary>
    public Task<(int Exit, string Stdout, string Stderr)> ExecAsync(TimeSpan timeout, params string[] args) =>
        ProcessRunner.RunAsync("ip", ["netns", "exec", Name, .. args], timeout);

    /// <summary>Starts a long-running command inside the namespace.</summary>
    public System.Diagnostics.Process Start(params string[] args) => ProcessRunner.Start("ip", ["netns", "exec", Name, .. args]);

    /// <summary>The kernel's TCP states for connections to or from SynAck, from <c>ss -tan</c> in the namespace.</summary>
    public async Task<IReadOnlyList<string>> KernelStatesAsync(int port)
    {
        var (_, stdout, _) = await ExecAsync(TimeSpan.FromSeconds(10), "ss", "-tanH");
        var states = new List<string>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length >= 5 && cols[0] != "LISTEN" && (cols[3].EndsWith($":{port}", StringComparison.Ordinal) || cols[4].EndsWith($":{port}", StringComparison.Ordinal)))
            {
                states.Add(cols[0]);
            }
        }

        return states;
    }

    /// <summary>Drops <paramref name="percent"/> % of packets entering and leaving the namespace's TUN device (nftables numgen).</summary>
    public async Task AddRandomLossAsync(int percent)
    {
        var rules = $$"""
            table inet synack_loss {
              chain in { type filter hook input priority 0; iifname "{{Tun.Name}}" numgen random mod 100 < {{percent}} drop; }
              chain out { type filter hook output priority 0; oifname "{{Tun.Name}}" numgen random mod 100 < {{percent}} drop; }
            }
            """;
        var file = Path.Combine(Path.GetTempPath(), $"{Name}.nft");
        await File.WriteAllTextAsync(file, rules);
        try
        {
            await ProcessRunner.CheckAsync("ip", "netns", "exec", Name, "nft", "-f", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        _recorder?.Dispose();
        Tun?.Dispose();
        await ProcessRunner.RunAsync("ip", ["netns", "del", Name], TimeSpan.FromSeconds(30));
    }
}
