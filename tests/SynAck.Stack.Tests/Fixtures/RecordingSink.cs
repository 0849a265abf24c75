using SynAck.Stack.Tcp;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tests.Fixtures;

/// <summary>Keeps every segment a connection emits.</summary>
internal sealed class RecordingSink : ISegmentSink
{
    public List<(TcpRepr Segment, byte[] Payload)> Sent { get; } = [];

    public TcpRepr Last => Sent[^1].Segment;

    public void Send(in TcpRepr segment, ReadOnlySpan<byte> payload) => Sent.Add((segment, payload.ToArray()));

    /// <summary>Returns what was sent since the last call and forgets it.</summary>
    public List<(TcpRepr Segment, byte[] Payload)> Take()
    {
        var copy = new List<(TcpRepr, byte[])>(Sent);
        Sent.Clear();
        return copy;
    }
}
