using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>Where a connection puts the segments it emits; the stack wraps them in IP and hands them to the link.</summary>
public interface ISegmentSink
{
    /// <summary>Emits one segment. The payload span is only valid during the call.</summary>
    void Send(in TcpRepr segment, ReadOnlySpan<byte> payload);
}
