using System.Diagnostics;
using System.Security.Cryptography;
using SynAck.Analysis.Records;
using SynAck.Interop.Tests.Dogfood;
using SynAck.Stack.Hosting;
using SynAck.Stack.Links;
using SynAck.Stack.Tcp;

namespace SynAck.Interop.Tests.Kernel;

/// <summary>Shared steps of the kernel interop tests: namespace lifetime, peers, bulk transfer and the pcap check.</summary>
internal static class InteropHarness
{
    public static readonly TimeSpan PeerTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs <paramref name="body"/> against a fresh namespace, then checks the recorded pcap with tshark.</summary>
    /// <param name="name">Test name (used in the pcap file name).</param>
    /// <param name="body">The test.</param>
    /// <param name="impairment">Impairment of SynAck's own link, if any.</param>
    /// <param name="headersOnly">Record 128 bytes per packet (bulk transfers), which keeps tshark's pass short.</param>
    /// <param name="dogfood">Checks of what SynAck's analyzer makes of the recording (the connection records and the stack's transitions).</param>
    /// <param name="ipv6">Address the TUN link with IPv6 instead of IPv4.</param>
    public static async Task RunAsync(
        string name,
        Func<KernelNamespace, Task> body,
        ImpairmentOptions? impairment = null,
        bool headersOnly = false,
        Action<IReadOnlyList<ConnRecord>, IReadOnlyList<TcpConnection>>? dogfood = null,
        bool ipv6 = false)
    {
        var k = await KernelNamespace.CreateAsync(name, impairment, headersOnly ? 128 : 262144, ipv6);
        try
        {
            await body(k);
        }
        finally
        {
            await k.DisposeAsync();
        }

        Assert.True(k.PacketsRecorded > 0);
        await AssertPcapCleanAsync(k.PcapPath);
        if (dogfood is not null)
        {
            List<TcpConnection> connections;
            lock (k.Transitions)
            {
                connections = k.Transitions.Select(t => t.Connection).Distinct().ToList();
            }

            dogfood(PcapAnalysis.Connections(k.PcapPath), connections);
        }

        File.Delete(k.PcapPath);
    }

    /// <summary>
    /// tshark with checksum validation on finds no malformed packet and no bad IP or TCP checksum. A TCP checksum
    /// field of 0xFFFF where 0x0000 was computed is the other one's-complement zero (RFC 1624 §3) and valid: the
    /// Linux kernel sends it now and then through TUN, and every receiver, SynAck included, accepts it.
    /// </summary>
    public static async Task AssertPcapCleanAsync(string pcap)
    {
        if (!File.Exists("/usr/bin/tshark"))
        {
            return;
        }

        var (exit2, bad, err2) = await ProcessRunner.RunAsync(
            "tshark",
            ["-r", pcap, "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE", "-Y", "_ws.malformed || (tcp.checksum.status == 0 && !(tcp.checksum == 0xffff && tcp.checksum_calculated == 0x0000)) || ip.checksum.status == 0", "-T", "fields", "-e", "frame.number"],
            PeerTimeout);
        Assert.True(exit2 == 0, err2);
        Assert.Equal(string.Empty, bad.Trim());
    }

    /// <summary>Starts the python peer inside the namespace.</summary>
    public static Process StartPeer(KernelNamespace k, params string[] args) => k.Start(["python3", "-c", KernelPeer.Script, .. args]);

    /// <summary>Reads the peer's next output line within the timeout.</summary>
    public static async Task<string> ReadLineAsync(Process p)
    {
        var line = await p.StandardOutput.ReadLineAsync().WaitAsync(PeerTimeout);
        if (line is null)
        {
            var err = await p.StandardError.ReadToEndAsync();
            throw new InvalidOperationException("peer exited: " + err);
        }

        return line;
    }

    /// <summary>Sends <paramref name="size"/> random bytes, half-closes, reads to end; returns (sent hash, received hash, received bytes).</summary>
    public static async Task<(string Sent, string Received, long Bytes)> BulkAsync(TcpStream s, int size)
    {
        var data = RandomNumberGenerator.GetBytes(size);
        var send = Task.Run(async () =>
        {
            for (var i = 0; i < data.Length; i += 65536)
            {
                await s.WriteAsync(data.AsMemory(i, Math.Min(65536, data.Length - i)));
            }

            s.ShutdownWrite();
        });
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buf = new byte[65536];
        long total = 0;
        int n;
        while ((n = await s.ReadAsync(buf)) > 0)
        {
            sha.AppendData(buf, 0, n);
            total += n;
        }

        await send.WaitAsync(PeerTimeout);
        return (Convert.ToHexStringLower(SHA256.HashData(data)), Convert.ToHexStringLower(sha.GetHashAndReset()), total);
    }

    /// <summary>Closes <paramref name="s"/> and polls until SynAck's side reached <paramref name="expected"/>; returns the last state seen.</summary>
    public static async Task<Wire.Tcp.TcpState> CloseAndWaitAsync(TcpStream s, Wire.Tcp.TcpState expected)
    {
        await s.DisposeAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        Wire.Tcp.TcpState state;
        while ((state = await s.GetStateAsync()) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return state;
    }

    /// <summary>Polls the kernel's states for <paramref name="port"/> until one equals <paramref name="expected"/>.</summary>
    public static async Task<IReadOnlyList<string>> WaitForKernelStateAsync(KernelNamespace k, int port, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        IReadOnlyList<string> states;
        do
        {
            states = await k.KernelStatesAsync(port);
            if (states.Contains(expected))
            {
                return states;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return states;
    }
}
