using System.Buffers.Binary;
using SynAck.Analysis.Flows;
using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// The 4-tuple hash of the commonest frame (Ethernet, IPv4 without options or fragmentation, TCP) read straight
/// from its bytes, without decoding it: a thread of a <see cref="ScanRun"/> uses it to pass over the packets of the
/// other threads' connections. For any such frame the decoder takes as a TCP segment, the hash is exactly
/// <see cref="ConnPipeline.HashOf(in DecodedPacket)"/> of its decoding (the same address and port bytes); any other frame is left to
/// the decoder.
/// </summary>
internal static class FlowPeek
{
    private const int EthernetHeader = 14;
    private const int Ipv4Header = 20;

    /// <summary>True, with the hash, for an Ethernet/IPv4/TCP frame of the plain kind; false for anything else.</summary>
    public static bool TryHash(LinkType link, ReadOnlySpan<byte> frame, out int hash)
    {
        hash = 0;
        if (link != LinkType.Ethernet || frame.Length < EthernetHeader + Ipv4Header + 4)
        {
            return false;
        }

        var ip = frame[EthernetHeader..];
        // EtherType IPv4, version 4 with a 20-byte header, protocol TCP, neither MF nor a fragment offset.
        if (BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800 || ip[0] != 0x45 || ip[9] != 6 ||
            (BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x3FFF) != 0)
        {
            return false;
        }

        var source = IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(ip[12..]));
        var destination = IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(ip[16..]));
        var tcp = ip[Ipv4Header..];
        var sourcePort = BinaryPrimitives.ReadUInt16BigEndian(tcp);
        var destinationPort = BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]);
        hash = FlowKey.Create(source, sourcePort, destination, destinationPort).GetHashCode();
        return true;
    }
}
