using SynAck.Analysis.Input;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// Receives every packet <see cref="CaptureFeeder.Feed{TConsumer}"/> reads, in capture order. Implemented by
/// structs on hot paths so the feeder's loop is specialised and the calls inlined.
/// </summary>
public interface IPacketConsumer
{
    /// <summary>A packet that carried a complete TCP header, with the segment built from it.</summary>
    void OnSegment(in CapturedPacket packet, in DecodedPacket decoded, in TcpSegment segment);

    /// <summary>Any other packet (not TCP, not decodable, or a non-first fragment); <c>decoded.Status</c> says why.</summary>
    void OnOther(in CapturedPacket packet, in DecodedPacket decoded);
}
