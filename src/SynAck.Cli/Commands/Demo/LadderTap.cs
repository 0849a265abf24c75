using System.Threading.Channels;
using SynAck.Stack;
using SynAck.Stack.Tcp;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Demo;

/// <summary>Turns SynAck's packets and transitions into <see cref="LadderEvent"/>s (called on the stack thread).</summary>
public sealed class LadderTap : IPacketTap
{
    private readonly Channel<LadderEvent> _events = Channel.CreateUnbounded<LadderEvent>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The events, in order.</summary>
    public ChannelReader<LadderEvent> Events => _events.Reader;

    public void OnPacket(Instant time, ReadOnlySpan<byte> ipPacket, bool outbound)
    {
        if (PacketDecoder.Decode(LinkType.Raw, ipPacket, out var p) != ParseStatus.Ok || !p.HasTcp)
        {
            return;
        }

        var synack = outbound ? new TcpEndpoint(p.Source, p.Tcp.SourcePort) : new TcpEndpoint(p.Destination, p.Tcp.DestinationPort);
        var kernel = outbound ? new TcpEndpoint(p.Destination, p.Tcp.DestinationPort) : new TcpEndpoint(p.Source, p.Tcp.SourcePort);
        _events.Writer.TryWrite(new LadderEvent(
            time, true, outbound, p.Tcp.Flags, p.Tcp.Seq.Value, p.Tcp.Ack.Value, p.TcpPayloadLength,
            synack.ToString(), kernel.ToString(), kernel.Port, default, default, string.Empty));
    }

    /// <summary>Records one of SynAck's transitions.</summary>
    public void OnTransition(TcpTransition t) => _events.Writer.TryWrite(new LadderEvent(
        t.Time, false, false, default, 0, 0, 0, t.Connection.Local.ToString(), t.Connection.Remote.ToString(), t.Connection.Remote.Port,
        t.From, t.To, t.Cause.ToString()));
}
