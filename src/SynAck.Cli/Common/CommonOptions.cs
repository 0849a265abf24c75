using System.CommandLine;

namespace SynAck.Cli.Common;

/// <summary>Options shared by every command that reads captures; one instance per command tree (no static state).</summary>
public sealed class CommonOptions
{
    /// <summary>
    /// <c>--verify-checksums</c>: verify IPv4 header and TCP checksums and count failures. Off by default because
    /// captures taken on loopback or with checksum offload carry partial checksums.
    /// </summary>
    public Option<bool> VerifyChecksums { get; } = new("--verify-checksums")
    {
        Description = "Verify IPv4 header and TCP checksums (off by default: loopback and offloaded captures carry partial checksums)",
        Recursive = true,
    };

    /// <summary>
    /// <c>--no-tunnels</c>: do not decapsulate. By default, as Zeek, TCP inside IP-in-IP, GRE, VXLAN, Geneve, GTP-U
    /// and Teredo, and behind 802.1ah and FabricPath bridging, is analysed with its inner addresses.
    /// </summary>
    public Option<bool> NoTunnels { get; } = new("--no-tunnels")
    {
        Description = "Do not follow tunnels (by default, as Zeek, TCP inside IP-in-IP, GRE, VXLAN, Geneve, GTP-U, Teredo, 802.1ah and FabricPath is analysed)",
        Recursive = true,
    };

    /// <summary><c>--threads N</c> (conns, analyze): threads tracking connections (the reading thread and N - 1 workers); 1 runs everything on one thread.</summary>
    public Option<int> Threads { get; } = new("--threads", "-j")
    {
        Description = "Threads tracking connections, the reading thread included (default: one per core; 1 = a single thread). Output is the same for any N",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary><c>--stats</c> (conns, analyze): run statistics on standard error at the end.</summary>
    public Option<bool> Stats { get; } = new("--stats")
    {
        Description = "At the end, print packets, packets/s, MB/s, connections, peak live connections, evictions and peak memory on standard error",
    };
}
