using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Fixtures;

/// <summary>Runs the tracker over a capture file and collects the records.</summary>
internal sealed class CaptureRun : IConnectionSink
{
    public List<ConnRecord> Records { get; } = [];

    public long Packets { get; private set; }

    public TrackerCounters Counters { get; private set; } = new();

    /// <summary>Tracks <paramref name="path"/>; tunnels are followed (as Zeek and the CLI do) unless <paramref name="decode"/> says otherwise.</summary>
    public static CaptureRun Of(string path, TrackerOptions? options = null, DecodeOptions decode = DecodeOptions.FollowTunnels)
    {
        var run = new CaptureRun();
        var o = options ?? new TrackerOptions();
        var tracker = new ConnectionTracker(o, run);
        using var reader = CaptureReader.Open(path);
        run.Packets = CaptureFeeder.Run(reader, tracker, new FeedOptions { Decode = decode, VerifyChecksums = o.Zeek.VerifyChecksums });
        run.Counters = tracker.Counters;
        return run;
    }

    public void OnConnection(ConnRecord record) => Records.Add(record);
}
