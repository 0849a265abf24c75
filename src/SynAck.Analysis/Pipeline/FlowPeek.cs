using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SynAck.Analysis.Flows;
using SynAck.Analysis.Input;
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
    /// <summary>True, with the hash, for an Ethernet/IPv4/TCP frame of the plain kind (<see cref="PlainFrame"/>); false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryHash(LinkType link, ReadOnlySpan<byte> frame, out int hash)
    {
        if (!PlainFrame.TryGetIp(link, frame, out var ip))
        {
            hash = 0;
            return false;
        }

        var tcp = ip[PlainFrame.Ipv4Header..];
        var sourcePort = BinaryPrimitives.ReadUInt16BigEndian(tcp);
        var destinationPort = BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]);
        hash = FlowKey.HashV4(
            BinaryPrimitives.ReadUInt32BigEndian(ip[12..]), sourcePort, BinaryPrimitives.ReadUInt32BigEndian(ip[16..]), destinationPort);
        return true;
    }
}
