using System.Runtime.InteropServices;
using SynAck.Analysis.Flows;
using SynAck.Analysis.Input;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Anomalies.Scans;

/// <summary>
/// Cross-connection detectors: SYN, FIN, NULL, Xmas and ACK scans (one source probing many ports or hosts with
/// 4-tuples that never carry data), SYN floods (many SYNs to one service that never complete a handshake) and RST
/// storms. Each 4-tuple is classified by its first packet and concluded when idle for
/// <see cref="ScanOptions.FlowTimeoutNs"/> (swept once a second of capture time), when evicted, or at the end; all
/// tables are bounded and their peaks and evictions are reported.
/// </summary>
public sealed partial class ScanDetector
{
    private const long SweepIntervalNs = 1_000_000_000;

    private readonly ScanOptions _options;
    private readonly Dictionary<FlowKey, ProbeFlow> _flows = new();
    private readonly Dictionary<(IpAddr Source, ScanKind Kind), TargetAggregate> _scanners = new();
    private readonly Dictionary<(IpAddr Host, ushort Port), TargetAggregate> _floodTargets = new();
    private readonly Dictionary<IpAddr, RstWindow> _rstSenders = new();
    private readonly List<FlowKey> _expired = [];
    private long _nextSweep = long.MinValue;

    public ScanDetector(ScanOptions? options = null) => _options = options ?? new ScanOptions();

    /// <summary>4-tuples currently followed.</summary>
    public int LiveFlows => _flows.Count;

    /// <summary>Highest number of 4-tuples followed at once.</summary>
    public int PeakFlows { get; private set; }

    /// <summary>4-tuples concluded early because the table was full.</summary>
    public long EvictedFlows { get; private set; }

    /// <summary>4-tuples concluded after <see cref="ScanOptions.FlowTimeoutNs"/> without a packet.</summary>
    public long ExpiredFlows { get; private set; }

    /// <summary>Highest number of per-host aggregates (scanners + flood targets + RST senders) at once.</summary>
    public int PeakHosts { get; private set; }

    /// <summary>Per-host aggregates dropped or not started because their table was full.</summary>
    public long DroppedHosts { get; private set; }

    public void Process(in TcpSegment seg)
    {
        if ((seg.Flags & TcpFlags.Rst) != 0)
        {
            CountRst(seg);
        }

        if (seg.TimestampNanos >= _nextSweep)
        {
            ExpireFlows(seg.TimestampNanos);
            _nextSweep = seg.TimestampNanos + SweepIntervalNs;
        }

        var key = FlowKey.Create(seg.Source, seg.SourcePort, seg.Destination, seg.DestinationPort);
        if (_flows.Count >= _options.MaxFlows && !_flows.ContainsKey(key))
        {
            EvictOldestFlows();
        }

        ref var flow = ref CollectionsMarshal.GetValueRefOrAddDefault(_flows, key, out var exists);
        if (!exists)
        {
            flow = new ProbeFlow
            {
                Initiator = seg.Source,
                InitiatorPort = seg.SourcePort,
                Responder = seg.Destination,
                ResponderPort = seg.DestinationPort,
                Kind = Classify(seg),
                FirstFrame = seg.FrameNumber,
                FirstNanos = seg.TimestampNanos,
            };
            PeakFlows = Math.Max(PeakFlows, _flows.Count);
        }

        flow.LastNanos = seg.TimestampNanos;
        flow.Payload |= seg.PayloadLength > 0;
        var fromInitiator = seg.Source == flow.Initiator && seg.SourcePort == flow.InitiatorPort;
        var f = seg.Flags;
        if (fromInitiator)
        {
            flow.InitiatorPackets++;
            if (flow.ResponderSynAck && (f & (TcpFlags.Ack | TcpFlags.Syn | TcpFlags.Rst)) == TcpFlags.Ack)
            {
                flow.Completed = true;
            }
        }
        else if ((f & (TcpFlags.Syn | TcpFlags.Ack)) == (TcpFlags.Syn | TcpFlags.Ack))
        {
            flow.ResponderSynAck = true;
        }
        else if ((f & TcpFlags.Rst) == 0)
        {
            flow.ResponderOther = true;
        }
    }

    /// <summary>The probe kind of a 4-tuple's first packet.</summary>
    public static ScanKind Classify(in TcpSegment seg)
    {
        var f = seg.Flags & ~(TcpFlags.Ece | TcpFlags.Cwr | TcpFlags.Ae);
        return f switch
        {
            TcpFlags.Syn => ScanKind.Syn,
            TcpFlags.Fin => ScanKind.Fin,
            TcpFlags.None => ScanKind.Null,
            TcpFlags.Fin | TcpFlags.Psh | TcpFlags.Urg => ScanKind.Xmas,
            TcpFlags.Ack when seg.PayloadLength == 0 => ScanKind.Ack,
            _ => ScanKind.None,
        };
    }

    /// <summary>Concludes and forgets the 4-tuples idle for <see cref="ScanOptions.FlowTimeoutNs"/> at <paramref name="now"/>.</summary>
    private void ExpireFlows(long now)
    {
        foreach (var (key, flow) in _flows)
        {
            if (now - flow.LastNanos >= _options.FlowTimeoutNs)
            {
                _expired.Add(key);
            }
        }

        foreach (var key in _expired)
        {
            Conclude(_flows[key]);
            _flows.Remove(key);
        }

        ExpiredFlows += _expired.Count;
        _expired.Clear();
    }

    private void EvictOldestFlows()
    {
        var times = new long[_flows.Count];
        var i = 0;
        foreach (var kv in _flows)
        {
            times[i++] = kv.Value.LastNanos;
        }

        Array.Sort(times);
        var cut = times[times.Length / 2];
        foreach (var kv in _flows)
        {
            if (kv.Value.LastNanos <= cut)
            {
                Conclude(kv.Value);
                _flows.Remove(kv.Key);
                EvictedFlows++;
            }
        }
    }

    private void CountRst(in TcpSegment seg)
    {
        if (_rstSenders.Count >= _options.MaxHosts && !_rstSenders.ContainsKey(seg.Source))
        {
            DroppedHosts++;
            return;
        }

        ref var w = ref CollectionsMarshal.GetValueRefOrAddDefault(_rstSenders, seg.Source, out var exists);
        if (!exists)
        {
            w.WindowStartNanos = seg.TimestampNanos;
            w.WindowFirstFrame = seg.FrameNumber;
            UpdatePeakHosts();
        }

        if (seg.TimestampNanos - w.WindowStartNanos > _options.StormWindowNanos)
        {
            w.WindowStartNanos = seg.TimestampNanos;
            w.WindowFirstFrame = seg.FrameNumber;
            w.Count = 0;
        }

        w.Count++;
        w.Total++;
        w.LastNanos = seg.TimestampNanos;
        if (w.Count > w.PeakCount)
        {
            w.PeakCount = w.Count;
            w.PeakStartNanos = w.WindowStartNanos;
            w.PeakEndNanos = seg.TimestampNanos;
            w.PeakFirstFrame = w.WindowFirstFrame;
            w.PeakLastFrame = seg.FrameNumber;
        }
    }

    private void UpdatePeakHosts() =>
        PeakHosts = Math.Max(PeakHosts, _scanners.Count + _floodTargets.Count + _rstSenders.Count);
}
