using SynAck.Analysis.Input;
using SynAck.Analysis.Summary;
using SynAck.Analysis.Tracking;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// The one read → decode → segment loop: every command and the sharded pipeline read captures through it, so the
/// decoder options (tunnels) and checksum verification mean the same everywhere.
/// </summary>
public static class CaptureFeeder
{
    private const long CancellationCheckMask = 0xFFFF;

    /// <summary>
    /// Reads <paramref name="reader"/> to its end; decodes each frame with <see cref="FeedOptions.Decode"/> and hands
    /// it to <paramref name="consumer"/>, as a <see cref="TcpSegment"/> when it carries a complete TCP header.
    /// Returns the number of packets read.
    /// </summary>
    public static long Feed<TConsumer>(CaptureReader reader, FeedOptions options, ref TConsumer consumer, CancellationToken cancellationToken = default)
        where TConsumer : IPacketConsumer
    {
        ArgumentNullException.ThrowIfNull(reader);
        var decode = options.Decode;
        var verify = options.VerifyChecksums;
        long packets = 0;
        while (reader.TryReadNext(out var packet))
        {
            if ((++packets & CancellationCheckMask) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            PacketDecoder.Decode(packet.LinkType, packet.Data, decode, out var decoded);
            if (TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, verify, out var segment))
            {
                consumer.OnSegment(packet, decoded, segment);
            }
            else
            {
                consumer.OnOther(packet, decoded);
            }
        }

        return packets;
    }

    /// <summary>
    /// Feeds every packet of <paramref name="reader"/> to <paramref name="tracker"/> (counting it in
    /// <paramref name="summary"/> and showing it to <paramref name="observer"/> when given), then flushes the
    /// tracker. Returns the number of packets read.
    /// </summary>
    public static long Run(
        CaptureReader reader, ConnectionTracker tracker, FeedOptions options, CaptureSummaryBuilder? summary = null,
        IPacketObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var consumer = new TrackerConsumer(tracker, summary, observer);
        var packets = Feed(reader, options, ref consumer, cancellationToken);
        tracker.Flush();
        return packets;
    }

    /// <summary>
    /// <see cref="Run(CaptureReader, ConnectionTracker, FeedOptions, CaptureSummaryBuilder?, IPacketObserver?, CancellationToken)"/>
    /// with default decoding (no tunnels) and <paramref name="verifyChecksums"/>.
    /// </summary>
    public static long Run(
        CaptureReader reader, ConnectionTracker tracker, CaptureSummaryBuilder? summary = null,
        bool verifyChecksums = false, CancellationToken cancellationToken = default) =>
        Run(reader, tracker, new FeedOptions { VerifyChecksums = verifyChecksums }, summary, null, cancellationToken);
}
