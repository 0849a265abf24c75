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
}
