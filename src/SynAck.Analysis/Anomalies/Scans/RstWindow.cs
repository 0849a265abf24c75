namespace SynAck.Analysis.Anomalies.Scans;

/// <summary>RSTs sent by one host: the current fixed window and the busiest window seen.</summary>
internal struct RstWindow
{
    public long WindowStartNanos;
    public long WindowFirstFrame;
    public int Count;
    public int PeakCount;
    public long PeakStartNanos;
    public long PeakEndNanos;
    public long PeakFirstFrame;
    public long PeakLastFrame;
    public long Total;
    public long LastNanos;
}
