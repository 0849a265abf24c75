using System.Runtime.InteropServices;
using SynAck.Analysis.Findings;
using SynAck.Analysis.Flows;
using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Anomalies;

/// <summary>
/// Findings that need the connection's history: handshake acknowledgments, SYNs on established connections,
/// FIN without ACK, RST after FIN, data after RST, out-of-window and ignored RSTs (RFC 5961), RST into TIME-WAIT.
/// Keeps a table keyed by <see cref="FlowKey"/>, swept once a second of capture time: a connection that sent a FIN
/// or RST is forgotten <c>closedTimeoutNs</c> after its last packet, any other <c>idleTimeoutNs</c> after (so the
/// table holds the recently live connections, not every 4-tuple of the capture); when it is full all the same, the
/// least recently active half is dropped.
/// </summary>
public sealed partial class ConnectionChecks
{
    private const long SweepIntervalNs = 1_000_000_000;

    private readonly Dictionary<FlowKey, ConnectionCheckState> _table = new();
    private readonly List<FlowKey> _expired = [];
    private readonly int _capacity;
    private readonly long _closedTimeoutNs;
    private readonly long _idleTimeoutNs;
    private long _nextSweep = long.MinValue;

    public ConnectionChecks(int capacity = 1 << 18, long closedTimeoutNs = 60_000_000_000, long idleTimeoutNs = 300_000_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(closedTimeoutNs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(idleTimeoutNs);
        _capacity = capacity;
        _closedTimeoutNs = closedTimeoutNs;
        _idleTimeoutNs = idleTimeoutNs;
    }

    /// <summary>Connections currently tracked.</summary>
    public int Live => _table.Count;

    /// <summary>Highest number tracked at once.</summary>
    public int Peak { get; private set; }

    /// <summary>Connections dropped because the table was full.</summary>
    public long Evicted { get; private set; }

    /// <summary>Connections forgotten after their timeout (closed or idle).</summary>
    public long Expired { get; private set; }

    /// <summary>Checks one segment (capture order) and adds its findings to <paramref name="sink"/>.</summary>
    public void Process(in TcpSegment seg, FindingAggregator sink)
    {
        if (seg.TimestampNanos >= _nextSweep)
        {
            Sweep(seg.TimestampNanos);
            _nextSweep = seg.TimestampNanos + SweepIntervalNs;
        }

        var key = FlowKey.Create(seg.Source, seg.SourcePort, seg.Destination, seg.DestinationPort);
        if (_table.Count >= _capacity && !_table.ContainsKey(key))
        {
            EvictOldestHalf();
        }

        ref var st = ref CollectionsMarshal.GetValueRefOrAddDefault(_table, key, out var exists);
        if (!exists)
        {
            Init(ref st, seg);
            Peak = Math.Max(Peak, _table.Count);
        }

        st.LastSeenNanos = seg.TimestampNanos;
        var side = seg.Source == st.Address0 && seg.SourcePort == st.Port0 ? 0 : 1;
        var f = seg.Flags;
        var synOnly = (f & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn;
        ref var s = ref side == 0 ? ref st.S0 : ref st.S1;
        if (synOnly && s.SentSyn && s.Isn != seg.Seq.Value && IsClosing(st))
        {
            // A new incarnation of the 4-tuple (RFC 9293 §3.10.7.4 TIME-WAIT reuse): start over.
            Init(ref st, seg);
            side = 0;
        }

        Check(ref st, side, seg, sink);
    }

    private static void Init(ref ConnectionCheckState st, in TcpSegment seg)
    {
        st = new ConnectionCheckState
        {
            Address0 = seg.Source,
            Port0 = seg.SourcePort,
            Client = -1,
            RstSide = -1,
            S0 = new ConnectionSide { WindowScale = -1 },
            S1 = new ConnectionSide { WindowScale = -1 },
            LastSeenNanos = seg.TimestampNanos,
        };
    }

    private static bool IsClosing(in ConnectionCheckState st) =>
        st.S0.SentFin || st.S1.SentFin || st.S0.SentRst || st.S1.SentRst;

    /// <summary>Forgets the connections past their timeout at capture time <paramref name="now"/>.</summary>
    private void Sweep(long now)
    {
        foreach (var (key, st) in _table)
        {
            var idle = now - st.LastSeenNanos;
            if (idle >= _idleTimeoutNs || (idle >= _closedTimeoutNs && IsClosing(st)))
            {
                _expired.Add(key);
            }
        }

        foreach (var key in _expired)
        {
            _table.Remove(key);
        }

        Expired += _expired.Count;
        _expired.Clear();
    }

    private void EvictOldestHalf()
    {
        var times = new long[_table.Count];
        var i = 0;
        foreach (var kv in _table)
        {
            times[i++] = kv.Value.LastSeenNanos;
        }

        Array.Sort(times);
        var cut = times[times.Length / 2];
        foreach (var kv in _table)
        {
            if (kv.Value.LastSeenNanos <= cut)
            {
                _table.Remove(kv.Key);
                Evicted++;
            }
        }
    }
}
