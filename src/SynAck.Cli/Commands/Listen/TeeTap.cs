using SynAck.Stack;

namespace SynAck.Cli.Commands.Listen;

/// <summary>Hands every packet to two taps (the pcap recorder and the demo's ladder).</summary>
public sealed class TeeTap(IPacketTap first, IPacketTap second) : IPacketTap
{
    public void OnPacket(Instant time, ReadOnlySpan<byte> ipPacket, bool outbound)
    {
        first.OnPacket(time, ipPacket, outbound);
        second.OnPacket(time, ipPacket, outbound);
    }
}
