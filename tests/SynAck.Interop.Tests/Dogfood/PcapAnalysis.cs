using SynAck.Analysis.Input;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Interop.Tests.Dogfood;

/// <summary>Runs SynAck's analyzer over a pcap SynAck's stack recorded of itself.</summary>
internal static class PcapAnalysis
{
    /// <summary>Every connection record in the capture, in the order the tracker emitted them.</summary>
    public static List<ConnRecord> Connections(string pcap)
    {
        var sink = new Sink();
        var tracker = new ConnectionTracker(new TrackerOptions(), sink);
        using (var reader = CaptureReader.Open(pcap))
        {
            while (reader.TryReadNext(out var packet))
            {
                PacketDecoder.Decode(packet.LinkType, packet.Data, out var decoded);
                if (TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, verifyChecksum: true, out var segment))
                {
                    tracker.Process(segment);
                }
            }
        }

        tracker.Flush();
        return sink.Records;
    }

    private sealed class Sink : IConnectionSink
    {
        public List<ConnRecord> Records { get; } = [];

        public void OnConnection(ConnRecord record) => Records.Add(record);
    }
}
