using SynAck.Analysis.Input;
using SynAck.Analysis.Summary;
using SynAck.Analysis.Tracking;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>Feeds segments to one tracker, counts packets in an optional summary and tells an optional observer.</summary>
internal readonly struct TrackerConsumer(ConnectionTracker tracker, CaptureSummaryBuilder? summary, IPacketObserver? observer) : IPacketConsumer
{
    public void OnSegment(in CapturedPacket packet, in DecodedPacket decoded, in TcpSegment segment)
    {
        summary?.AddPacket(segment.Flags);
        tracker.Process(segment);
        observer?.OnPacket(packet, decoded, tracked: true);
    }

    public void OnOther(in CapturedPacket packet, in DecodedPacket decoded)
    {
        if (TcpSegmentFactory.TryCreateHeaderOnly(decoded, packet.FrameNumber, packet.TimestampNanos, out var headerOnly))
        {
            tracker.Process(headerOnly);
        }

        summary?.AddSkipped(decoded.Status == ParseStatus.Ok ? ParseStatus.NotTcp : decoded.Status);
        observer?.OnPacket(packet, decoded, tracked: false);
    }
}
