using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Summary;

/// <summary>
/// Accumulates a <see cref="CaptureSummary"/>: packets through <see cref="AddPacket"/>/<see cref="AddSkipped"/>
/// (allocation-free), records as an <see cref="IConnectionSink"/> that forwards to an optional inner sink.
/// </summary>
public sealed class CaptureSummaryBuilder(IConnectionSink? inner = null) : IConnectionSink
{
    private const int MaxFindings = 20;
    private static readonly TcpFlags[] s_flags =
        [TcpFlags.Syn, TcpFlags.Fin, TcpFlags.Ack, TcpFlags.Psh, TcpFlags.Rst, TcpFlags.Urg, TcpFlags.Ece, TcpFlags.Cwr, TcpFlags.Ae];

    private FlagCombinationCounts _combos;
    private readonly long[] _skipped = new long[64];
    private readonly long[] _closeKinds = new long[16];
    private readonly long[] _connStates = new long[16];
    private readonly PercentileSample _synRtts = new();
    private readonly PercentileSample _ackRtts = new();
    private readonly List<HandshakeFinding> _findings = [];
    private readonly Dictionary<IpAddr, long> _originators = [];
    private readonly Dictionary<IpAddr, long> _responders = [];
    private long _packets;
    private long _tcp;
    private long _connections;
    private long _completed;
    private long _failures;
    private long _halfOpen;

    /// <summary>A TCP packet with these flags.</summary>
    public void AddPacket(TcpFlags flags)
    {
        _packets++;
        _tcp++;
        _combos[(int)flags & 0x1FF]++;
    }

    /// <summary>A packet that was not analysed, and why.</summary>
    public void AddSkipped(ParseStatus why)
    {
        _packets++;
        _skipped[(int)why & 63]++;
    }

    public void OnConnection(ConnRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _connections++;
        _closeKinds[(int)record.CloseKind]++;
        _connStates[(int)record.ConnState]++;
        var hs = record.Handshake;
        if (hs.Complete)
        {
            _completed++;
        }
        else if (hs.RespIsn is not null && record.CloseKind != CloseKind.Refused)
        {
            _halfOpen++;
        }

        if (hs.SynSynAckRttNs is { } a)
        {
            _synRtts.Add(a);
        }

        if (hs.SynAckAckRttNs is { } b)
        {
            _ackRtts.Add(b);
        }

        if (hs.Findings.Count > 0)
        {
            _failures++;
            foreach (var f in hs.Findings)
            {
                if (_findings.Count < MaxFindings)
                {
                    _findings.Add(f);
                }
            }
        }

        _originators[record.OrigHost] = _originators.GetValueOrDefault(record.OrigHost) + 1;
        _responders[record.RespHost] = _responders.GetValueOrDefault(record.RespHost) + 1;
        inner?.OnConnection(record);
    }

    /// <summary>The summary so far.</summary>
    public CaptureSummary Build()
    {
        var flagCounts = new List<KeyValuePair<TcpFlags, long>>();
        foreach (var flag in s_flags)
        {
            long n = 0;
            for (var i = 0; i < 512; i++)
            {
                if ((i & (int)flag) != 0)
                {
                    n += _combos[i];
                }
            }

            flagCounts.Add(new(flag, n));
        }

        var combos = new List<KeyValuePair<TcpFlags, long>>();
        for (var i = 0; i < 512; i++)
        {
            if (_combos[i] > 0)
            {
                combos.Add(new((TcpFlags)i, _combos[i]));
            }
        }

        combos.Sort((x, y) => y.Value != x.Value ? y.Value.CompareTo(x.Value) : ((int)x.Key).CompareTo((int)y.Key));
        var skipped = new List<KeyValuePair<string, long>>();
        for (var i = 0; i < _skipped.Length; i++)
        {
            if (_skipped[i] > 0)
            {
                skipped.Add(new(((ParseStatus)i).ToString(), _skipped[i]));
            }
        }

        return new CaptureSummary
        {
            Packets = _packets,
            TcpPackets = _tcp,
            Skipped = skipped,
            FlagCounts = flagCounts,
            FlagCombinations = combos,
            Connections = _connections,
            ByCloseKind = NonZero<CloseKind>(_closeKinds),
            ByConnState = NonZero<ConnState>(_connStates),
            HandshakesCompleted = _completed,
            HandshakeCheckFailures = _failures,
            HandshakeFindings = [.. _findings],
            HalfOpen = _halfOpen,
            SynSynAckRtt = _synRtts.ToPercentiles(),
            SynAckAckRtt = _ackRtts.ToPercentiles(),
            TopOriginators = Top(_originators),
            TopResponders = Top(_responders),
        };
    }

    private static List<KeyValuePair<T, long>> NonZero<T>(long[] counts)
        where T : struct, Enum
    {
        var result = new List<KeyValuePair<T, long>>();
        foreach (var value in Enum.GetValues<T>())
        {
            var i = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            if (counts[i] > 0)
            {
                result.Add(new(value, counts[i]));
            }
        }

        return result;
    }

    private static List<KeyValuePair<IpAddr, long>> Top(Dictionary<IpAddr, long> counts)
    {
        var list = new List<KeyValuePair<IpAddr, long>>(counts);
        list.Sort((x, y) => y.Value != x.Value ? y.Value.CompareTo(x.Value) : x.Key.CompareTo(y.Key));
        return list.Count > 10 ? list.GetRange(0, 10) : list;
    }
}
