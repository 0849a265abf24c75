using SynAck.Analysis.Anomalies.Sequence;
using SynAck.Analysis.Input;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>Runs <see cref="TcpSequenceAnalyzer"/> over a capture file and keeps every TCP packet's result by frame.</summary>
internal static class CaptureAnalysis
{
    public static Dictionary<long, TcpPacketAnalysis> Run(string path, SequenceAnalyzerOptions? options = null)
    {
        var results = new Dictionary<long, TcpPacketAnalysis>();
        var analyzer = new TcpSequenceAnalyzer(options);
        using var reader = CaptureReader.Open(path);
        while (reader.TryReadNext(out var packet))
        {
            PacketDecoder.Decode(packet.LinkType, packet.Data, out var decoded);
            if (TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, false, out var seg))
            {
                var sack = default(SynAck.Wire.Tcp.SackBlocks);
                if (decoded.Tcp.HeaderLength > 20)
                {
                    decoded.Tcp.Options.TryGetSackBlocks(out sack);
                }

                results[packet.FrameNumber] = analyzer.Analyze(seg, sack);
            }
        }

        return results;
    }
}
