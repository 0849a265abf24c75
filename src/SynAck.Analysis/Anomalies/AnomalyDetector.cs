using SynAck.Analysis.Anomalies.Scans;
using SynAck.Analysis.Findings;
using SynAck.Analysis.Input;

namespace SynAck.Analysis.Anomalies;

/// <summary>
/// Runs every anomaly check over a capture's TCP segments (capture order): header checks, per-connection checks
/// and the cross-connection scan, flood and storm detectors. Memory is bounded by the options' limits.
/// </summary>
public sealed class AnomalyDetector
{
    private readonly FindingAggregator _aggregator;
    private readonly ConnectionChecks _connections;
    private readonly ScanDetector _scans;
    private readonly string[] _ids = new string[HeaderChecks.MaxPerSegment];

    public AnomalyDetector(AnomalyOptions? options = null)
    {
        options ??= new AnomalyOptions();
        _aggregator = new FindingAggregator(options.MaxFindingKeys);
        _connections = new ConnectionChecks(options.MaxConnections, options.ClosedTimeoutNs, options.IdleTimeoutNs);
        _scans = new ScanDetector(options.Scans);
    }

    /// <summary>TCP segments processed.</summary>
    public long Segments { get; private set; }

    public ConnectionChecks Connections => _connections;

    public ScanDetector Scans => _scans;

    public FindingAggregator Aggregator => _aggregator;

    public void Process(in TcpSegment seg, in SegmentExtras extras)
    {
        Segments++;
        var n = HeaderChecks.Evaluate(seg, extras, _ids);
        for (var i = 0; i < n; i++)
        {
            _aggregator.Add(new FindingKey(_ids[i], seg.Source, seg.Destination, 0, 0), seg.FrameNumber, seg.TimestampNanos);
        }

        _connections.Process(seg, _aggregator);
        _scans.Process(seg);
    }

    /// <summary>All findings so far: packet and connection findings in first-seen order, then scans and floods.</summary>
    public List<Finding> Findings()
    {
        var list = _aggregator.ToFindings();
        list.AddRange(_scans.Findings());
        return list;
    }
}
