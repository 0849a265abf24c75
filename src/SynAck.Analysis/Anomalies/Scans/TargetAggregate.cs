using SynAck.Wire;

namespace SynAck.Analysis.Anomalies.Scans;

/// <summary>
/// Probes of one kind from one source (a scan candidate) or SYNs to one service (a flood candidate): counts,
/// time span, example frames and distinct peers. The distinct set is allocated only at the second distinct peer
/// and saturates at a cap, so a spoofed flood costs a few words per source.
/// </summary>
internal sealed class TargetAggregate
{
    private const int MaxExamples = 5;
    private readonly long[] _examples = new long[MaxExamples];
    private (IpAddr Host, ushort Port) _first;
    private HashSet<(IpAddr Host, ushort Port)>? _distinct;
    private HashSet<IpAddr>? _hosts;
    private HashSet<ushort>? _ports;
    private int _exampleCount;

    public long Count;
    public long FirstNanos;
    public long LastNanos;
    public long FirstFrame;
    public long LastFrame;

    public int DistinctPeers => _distinct?.Count ?? (Count > 0 ? 1 : 0);

    public int DistinctHosts => _hosts?.Count ?? (Count > 0 ? 1 : 0);

    public int DistinctPorts => _ports?.Count ?? (Count > 0 ? 1 : 0);

    public void Add(IpAddr host, ushort port, long frame, long nanos, int cap)
    {
        if (Count == 0)
        {
            _first = (host, port);
            FirstNanos = nanos;
            FirstFrame = frame;
        }
        else if (_distinct is null && _first != (host, port))
        {
            _distinct = new() { _first };
            _hosts = new() { _first.Host };
            _ports = new() { _first.Port };
        }

        if (_distinct is not null && _distinct.Count < cap && _distinct.Add((host, port)))
        {
            _hosts!.Add(host);
            _ports!.Add(port);
        }

        Count++;
        FirstNanos = Math.Min(FirstNanos, nanos);
        LastNanos = Math.Max(LastNanos, nanos);
        FirstFrame = Math.Min(FirstFrame, frame);
        LastFrame = Math.Max(LastFrame, frame);
        if (_exampleCount < MaxExamples)
        {
            _examples[_exampleCount++] = frame;
        }
    }

    public long[] Examples()
    {
        var e = _examples.AsSpan(0, _exampleCount).ToArray();
        Array.Sort(e);
        return e;
    }
}
