using SynAck.Wire;

namespace SynAck.Cli.Commands.Demo;

/// <summary>The bound arguments of <c>synack demo</c>.</summary>
/// <param name="Kernel">The kernel's address inside the namespace.</param>
/// <param name="SynAck">SynAck's address.</param>
/// <param name="Pace">One-way delay SynAck's link adds to every packet, so each state lasts long enough to be seen.</param>
/// <param name="Msl">Maximum segment lifetime of SynAck's stack; its TIME-WAIT lasts twice this.</param>
/// <param name="Pcap">File to record SynAck's packets to, or null.</param>
public sealed record DemoOptions(IpAddr Kernel, IpAddr SynAck, TimeSpan Pace, TimeSpan Msl, string? Pcap);
