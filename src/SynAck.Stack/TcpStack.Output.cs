using SynAck.Stack.Tcp;
using SynAck.Wire;
using SynAck.Wire.Ip;
using SynAck.Wire.Tcp;

namespace SynAck.Stack;

/// <summary>Leaving packets: each segment is wrapped in an IPv4 or IPv6 header and written to the link.</summary>
public sealed partial class TcpStack
{
    private void SendSegment(TcpEndpoint local, TcpEndpoint remote, in TcpRepr seg, ReadOnlySpan<byte> payload, Instant now)
    {
        var tcpLength = seg.BufferLength(payload.Length);
        var buffer = _txBuffer.AsSpan();
        int ipHeader;
        if (local.Address.IsV6)
        {
            ipHeader = new Ipv6Repr
            {
                Source = local.Address,
                Destination = remote.Address,
                NextHeader = 6,
                PayloadLength = tcpLength,
            }.Emit(buffer);
        }
        else
        {
            // RFC 9293 §3.7.1 leaves IP fragmentation alone; segments fit the MTU, so DF is set (as Linux does).
            ipHeader = new Ipv4Repr
            {
                Source = local.Address,
                Destination = remote.Address,
                Protocol = 6,
                PayloadLength = tcpLength,
                DontFragment = true,
            }.Emit(buffer);
        }

        var ph = new IpPseudoHeader(local.Address, remote.Address, 6, tcpLength);
        var written = seg.Emit(buffer[ipHeader..], payload, ph);
        var packet = buffer[..(ipHeader + written)];
        Counters.PacketsSent++;
        Tap?.OnPacket(now, packet, outbound: true);
        _link.Send(packet, now);
    }

    /// <summary>Adapts a connection's segment output to IP packets.</summary>
    private sealed class PacketEmitter(TcpStack stack) : ISegmentSink
    {
        public TcpConnection? Connection { get; set; }

        public Instant Now { get; set; }

        public void Send(in TcpRepr segment, ReadOnlySpan<byte> payload) =>
            stack.SendSegment(Connection!.Local, Connection.Remote, segment, payload, Now);
    }
}
