namespace SynAck.Stack;

/// <summary>Sees every IP packet a stack sends and receives, e.g. to record them as pcap.</summary>
public interface IPacketTap
{
    /// <summary>One packet; the span is only valid during the call.</summary>
    void OnPacket(Instant time, ReadOnlySpan<byte> ipPacket, bool outbound);
}
