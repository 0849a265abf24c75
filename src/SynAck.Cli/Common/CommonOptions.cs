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

    /// <summary>The decoder options for a <c>--no-tunnels</c> value.</summary>
    public static SynAck.Wire.DecodeOptions Decode(bool noTunnels) =>
        noTunnels ? SynAck.Wire.DecodeOptions.None : SynAck.Wire.DecodeOptions.FollowTunnels;
}
