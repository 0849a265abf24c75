using SynAck.Wire;

namespace SynAck.Cli.Commands.Listen;

/// <summary>The TUN device and addressing shared by <c>listen</c>, <c>connect</c> and <c>demo</c>.</summary>
/// <param name="Device">TUN interface name.</param>
/// <param name="Local">SynAck's own address.</param>
/// <param name="Peer">The kernel's address on the device (the other end of the point-to-point link).</param>
/// <param name="Netns">Existing network namespace to move the kernel's end of the device into, or null for the current one.</param>
/// <param name="Mtu">Device MTU.</param>
/// <param name="Pcap">File to record SynAck's own packets to, or null.</param>
/// <param name="Verbose">Print every state transition on standard error.</param>
public sealed record TunOptions(string Device, IpAddr Local, IpAddr Peer, string? Netns, int Mtu, string? Pcap, bool Verbose);
