using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SynAck.Wire;
using SynAck.Wire.Ip;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Input;

/// <summary>
/// Recognises the commonest frame on its bytes alone: Ethernet, EtherType IPv4, a 20-byte IPv4 header (no options),
/// neither a fragment nor the first of several, protocol TCP, with at least the fixed TCP header captured. The
/// fast paths (<see cref="FastSegment"/>, the per-thread pipeline's hash of other threads' packets) start here;
/// every other frame goes through <see cref="PacketDecoder"/>.
/// </summary>
internal static class PlainFrame
{
    /// <summary>Ethernet header length.</summary>
    public const int EthernetHeader = 14;

    /// <summary>IPv4 header length without options.</summary>
    public const int Ipv4Header = 20;

    /// <summary>The IP packet (from its header on, as captured) of a plain Ethernet/IPv4/TCP frame, or false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetIp(LinkType link, ReadOnlySpan<byte> frame, out ReadOnlySpan<byte> ip)
    {
        if (link != LinkType.Ethernet || frame.Length < EthernetHeader + Ipv4Header + TcpHeader.MinLength)
        {
            ip = default;
            return false;
        }

        ip = frame[EthernetHeader..];
        return BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) == 0x0800 && ip[0] == 0x45 && ip[9] == (byte)IpProtocol.Tcp &&
            (BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x3FFF) == 0;
    }

    /// <summary>The source address of a plain frame's IP packet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IpAddr Source(ReadOnlySpan<byte> ip) => IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(ip[12..]));

    /// <summary>The destination address of a plain frame's IP packet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IpAddr Destination(ReadOnlySpan<byte> ip) => IpAddr.FromV4(BinaryPrimitives.ReadUInt32BigEndian(ip[16..]));
}
