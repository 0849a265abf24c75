namespace SynAck.Analysis.Findings;

/// <summary>The running evidence of one aggregated finding.</summary>
internal sealed class FindingAccumulator
{
    public const int MaxExamples = 5;

    private readonly long[] _examples = new long[MaxExamples];
    private int _exampleCount;

    public long Count;
    public long FirstFrame;
    public long LastFrame;
    public long FirstNanos;
    public long LastNanos;
    public string? Detail;

    public void Add(long frame, long nanos, string? detail)
    {
        if (Count == 0)
        {
            FirstFrame = frame;
            FirstNanos = nanos;
            Detail = detail;
        }

        Count++;
        LastFrame = frame;
        LastNanos = nanos;
        if (_exampleCount < MaxExamples)
        {
            _examples[_exampleCount++] = frame;
        }
    }

    public long[] Examples() => _examples.AsSpan(0, _exampleCount).ToArray();
}
