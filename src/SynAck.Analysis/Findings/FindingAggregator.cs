namespace SynAck.Analysis.Findings;

/// <summary>
/// Collects packet- and connection-level findings, aggregated per <see cref="FindingKey"/>, in first-seen order.
/// Bounded: past <see cref="MaxKeys"/> distinct keys new keys are only counted in <see cref="Dropped"/>.
/// </summary>
public sealed class FindingAggregator
{
    private readonly Dictionary<FindingKey, FindingAccumulator> _map = new();
    private readonly List<FindingKey> _order = new();

    public FindingAggregator(int maxKeys = 100_000) => MaxKeys = maxKeys;

    /// <summary>Most distinct (id, endpoints) keys kept.</summary>
    public int MaxKeys { get; }

    /// <summary>Findings not kept because the aggregator was full.</summary>
    public long Dropped { get; private set; }

    internal void Add(in FindingKey key, long frame, long nanos, string? detail = null)
    {
        if (!_map.TryGetValue(key, out var acc))
        {
            if (_map.Count >= MaxKeys)
            {
                Dropped++;
                return;
            }

            acc = new FindingAccumulator();
            _map[key] = acc;
            _order.Add(key);
        }

        acc.Add(frame, nanos, detail);
    }

    /// <summary>The aggregated findings, in the order their first packet was seen.</summary>
    public List<Finding> ToFindings()
    {
        var list = new List<Finding>(_order.Count);
        foreach (var key in _order)
        {
            var acc = _map[key];
            var def = FindingCatalog.Get(key.Id);
            var withPorts = key.SourcePort != 0 || key.DestinationPort != 0;
            list.Add(new Finding
            {
                Id = def.Id,
                Severity = def.Severity,
                Title = def.Title,
                Source = key.Source,
                Destination = key.Destination,
                SourcePort = withPorts ? key.SourcePort : null,
                DestinationPort = withPorts ? key.DestinationPort : null,
                Count = acc.Count,
                FirstFrame = acc.FirstFrame,
                LastFrame = acc.LastFrame,
                FirstNanos = acc.FirstNanos,
                LastNanos = acc.LastNanos,
                ExampleFrames = acc.Examples(),
                Detail = acc.Detail,
            });
        }

        return list;
    }
}
