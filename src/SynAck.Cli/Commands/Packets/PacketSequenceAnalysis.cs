using SynAck.Analysis.Anomalies;
using SynAck.Analysis.Anomalies.Sequence;
using SynAck.Analysis.Input;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Packets;

/// <summary>
/// Wireshark-compatible sequence analysis of every TCP packet of one capture for <c>synack packets</c>: its own
/// <see cref="TcpSequenceAnalyzer"/> (conversations as Wireshark delimits them, independent of the connection
/// tracker's Zeek timeouts) fed in capture order, with each segment's SACK blocks for bytes in flight.
/// </summary>
internal sealed class PacketSequenceAnalysis
{
    private readonly TcpSequenceAnalyzer _analyzer = new();

    /// <summary>The analysis of one packet; default (frame number 0) when it has no whole TCP header.</summary>
    public TcpPacketAnalysis Analyze(in CapturedPacket packet, in DecodedPacket decoded)
    {
        if (!TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, verifyChecksum: false, out var segment))
        {
            return default;
        }

        return Analyze(segment, decoded);
    }

    /// <summary>The analysis of a segment already built from <paramref name="decoded"/>.</summary>
    public TcpPacketAnalysis Analyze(in TcpSegment segment, in DecodedPacket decoded) =>
        _analyzer.Analyze(segment, SegmentExtras.From(decoded).Sack);
}
