using SynAck.Analysis.Input;
using SynAck.Analysis.Summary;
using SynAck.Analysis.Tracking;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>Reads a capture to its end, decodes each frame and feeds the TCP segments to a tracker.</summary>
public static class CaptureFeeder
{
    /// <summary>
    /// Feeds every packet of <paramref name="reader"/> to <paramref name="tracker"/> (and counts it in
    /// <paramref name="summary"/> when given), then flushes the tracker. With <paramref name="verifyChecksums"/>,
    /// TCP checksums are checked (Zeek without <c>-C</c>). <paramref name="decode"/> says what the decoder follows:
    /// by default tunnels, as Zeek decapsulates them. Returns the number of packets read.
    /// </summary>
    public static long Run(
        CaptureReader reader, ConnectionTracker tracker, CaptureSummaryBuilder? summary = null,
        bool verifyChecksums = false, CancellationToken cancellationToken = default, DecodeOptions decode = DecodeOptions.FollowTunnels)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(tracker);
        long packets = 0;
        while (reader.TryReadNext(out var packet))
        {
            if ((++packets & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var status = PacketDecoder.Decode(packet.LinkType, packet.Data, decode, out var decoded);
            if (TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, verifyChecksums, out var segment))
            {
                summary?.AddPacket(segment.Flags);
                tracker.Process(segment);
            }
            else
            {
                summary?.AddSkipped(status == ParseStatus.Ok ? ParseStatus.NotTcp : status);
            }
        }

        tracker.Flush();
        return packets;
    }
}
