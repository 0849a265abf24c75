using SynAck.Stack.Tcp;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Stack;

/// <summary>Arriving packets: validation, demultiplexing, listeners and closed ports.</summary>
public sealed partial class TcpStack
{
    private void HandlePacket(ReadOnlySpan<byte> packet, Instant now)
    {
        Counters.PacketsReceived++;
        Tap?.OnPacket(now, packet, outbound: false);
        if (PacketDecoder.Decode(LinkType.Raw, packet, out var p) != ParseStatus.Ok || !p.HasTcp)
        {
            Counters.Malformed++;
            return;
        }

        if (p.Destination != _options.LocalAddress || p.Protocol != 6)
        {
            Counters.NotForUs++;
            return;
        }

        if (p.IsFragment)
        {
            Counters.Fragments++;
            return;
        }

        // RFC 9293 §3.1: a segment with a bad checksum is discarded.
        if (!PacketChecksums.TryVerifyTcp(p, out var ok) || !ok)
        {
            Counters.BadChecksum++;
            return;
        }

        if (TcpRepr.TryParse(p.Tcp, out var seg) is not (ParseStatus.Ok or ParseStatus.BadOption))
        {
            Counters.Malformed++;
            return;
        }

        var payload = p.Tcp.Payload;
        if (payload.Length > p.TcpPayloadLength)
        {
            payload = payload[..p.TcpPayloadLength];
        }

        var remote = new TcpEndpoint(p.Source, seg.SourcePort);
        var key = new ConnectionKey(seg.DestinationPort, remote);
        if (_connections.TryGetValue(key, out var c))
        {
            if (!IsReopeningSyn(c, seg))
            {
                c.Process(seg, payload, now);
                Dispatch(c, now);
                return;
            }

            // RFC 9293 §3.10.7.4 note / RFC 1122 §4.2.2.13: a new SYN with a higher sequence number than the
            // TIME-WAIT connection has seen may reopen the connection; the old TCB is dropped.
            _connections.Remove(key);
        }

        if (_listeners.TryGetValue(seg.DestinationPort, out var listener))
        {
            HandleListen(listener, key, seg, payload, now);
            return;
        }

        if (_options.ResetClosedPorts && TcpConnection.ResetFor(seg, payload.Length) is { } rst)
        {
            // RFC 9293 §3.10.7.1: CLOSED (no TCB) answers everything but a RST with a RST.
            Counters.ResetsForClosedPorts++;
            SendSegment(new TcpEndpoint(_options.LocalAddress, seg.DestinationPort), remote, rst, default, now);
        }
    }

    private static bool IsReopeningSyn(TcpConnection c, in TcpRepr seg) =>
        c.State == TcpState.TimeWait
        && (seg.Flags & (TcpFlags.Syn | TcpFlags.Ack | TcpFlags.Rst)) == TcpFlags.Syn
        && seg.Seq.IsAfter(c.RcvNxt);

    private void HandleListen(Listener listener, ConnectionKey key, in TcpRepr seg, ReadOnlySpan<byte> payload, Instant now)
    {
        var local = listener.Local;
        if ((seg.Flags & (TcpFlags.Syn | TcpFlags.Ack | TcpFlags.Rst)) == TcpFlags.Syn && listener.IsFull)
        {
            // The backlog is full: drop the SYN so the peer retries later.
            listener.DroppedSyns++;
            Counters.ListenOverflows++;
            return;
        }

        // RFC 9293 §3.10.7.2 runs on a fresh TCB in LISTEN: it ignores RSTs, resets ACKs and answers SYNs.
        var c = NewConnection(local, key.Remote);
        c.OpenPassive(_isn.Generate(local, key.Remote, now), now);
        c.Process(seg, payload, now);
        Dispatch(c, now);
        if (c.State == TcpState.SynReceived)
        {
            _connections.Add(key, c);
            _embryonic.Add(c, listener);
            listener.AddEmbryonic(c);
        }
    }
}
