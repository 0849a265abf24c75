namespace SynAck.Analysis.Summary;

/// <summary>
/// The values behind a <see cref="Percentiles"/> in bounded memory: every value up to <see cref="Capacity"/> (the
/// percentiles are then exact), and past that a uniform sample of that many (reservoir sampling, Vitter's
/// algorithm R, drawn from a fixed-seed generator so that one capture gives the same summary on every run); the
/// count, minimum and maximum stay exact whatever the number of values.
/// </summary>
public sealed class PercentileSample
{
    /// <summary>
    /// Values kept unless told otherwise: 2 MiB, exact percentiles up to 262,144 values, and past that a sample whose
    /// nearest-rank percentiles are within a fraction of a percentile rank of the true ones.
    /// </summary>
    public const int DefaultCapacity = 1 << 18;

    private readonly List<long> _values = [];
    private long _min = long.MaxValue;
    private long _max = long.MinValue;
    private ulong _state = 0x9E3779B97F4A7C15;

    public PercentileSample(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Most values kept.</summary>
    public int Capacity { get; }

    /// <summary>Values added.</summary>
    public long Count { get; private set; }

    /// <summary>True while every value added is kept (the percentiles are exact).</summary>
    public bool IsExact => Count <= Capacity;

    public void Add(long value)
    {
        Count++;
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        if (_values.Count < Capacity)
        {
            _values.Add(value);
            return;
        }

        // The n-th value replaces a kept one with probability capacity / n.
        var slot = Next() % (ulong)Count;
        if (slot < (ulong)Capacity)
        {
            _values[(int)slot] = value;
        }
    }

    /// <summary>Nearest-rank percentiles of the values (of the sample past <see cref="Capacity"/>).</summary>
    public Percentiles ToPercentiles()
    {
        if (Count == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0, 0);
        }

        var sorted = new List<long>(_values);
        sorted.Sort();
        return new Percentiles(
            Count, _min, Percentiles.Rank(sorted, 50), Percentiles.Rank(sorted, 90), Percentiles.Rank(sorted, 99), _max);
    }

    // xorshift64*: deterministic, fast, good enough to pick reservoir slots.
    private ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }
}
