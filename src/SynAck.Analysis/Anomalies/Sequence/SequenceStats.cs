using SynAck.Analysis.Records;

namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// Running per-direction counts of a connection's sequence analysis and the statistics of its ACK RTT samples.
/// No sample is stored: the samples are summed as exact integers, shifted by the first one so the sums stay small
/// (the "shifted data" variance method); one multiply and no division per sample.
/// </summary>
internal struct SequenceStats
{
    public int Retransmissions;
    public int DuplicateAcks;
    public int ZeroWindows;
    public int OutOfOrder;
    public int RttSamples;
    public long RttMinNanos;
    public long RttMaxNanos;

    /// <summary>The first sample; the sums are of differences from it.</summary>
    public long RttShift;
    public long RttSum;
    public Int128 RttSumSquares;

    public void Count(TcpAnalysisFlags flags)
    {
        if ((flags & (TcpAnalysisFlags.Retransmission | TcpAnalysisFlags.DuplicateAck | TcpAnalysisFlags.ZeroWindow | TcpAnalysisFlags.OutOfOrder)) == 0)
        {
            return;
        }

        Retransmissions += (flags & TcpAnalysisFlags.Retransmission) != 0 ? 1 : 0;
        DuplicateAcks += (flags & TcpAnalysisFlags.DuplicateAck) != 0 ? 1 : 0;
        ZeroWindows += (flags & TcpAnalysisFlags.ZeroWindow) != 0 ? 1 : 0;
        OutOfOrder += (flags & TcpAnalysisFlags.OutOfOrder) != 0 ? 1 : 0;
    }

    public void AddRtt(long nanos)
    {
        if (RttSamples == 0)
        {
            RttShift = nanos;
            RttMinNanos = nanos;
            RttMaxNanos = nanos;
        }
        else if (nanos < RttMinNanos)
        {
            RttMinNanos = nanos;
        }
        else if (nanos > RttMaxNanos)
        {
            RttMaxNanos = nanos;
        }

        RttSamples++;
        var d = nanos - RttShift;
        RttSum += d;
        RttSumSquares += (Int128)d * d;
    }

    /// <summary>The record's view: the mean and the population standard deviation rounded to whole nanoseconds.</summary>
    public readonly DirectionAnalysis ToRecord()
    {
        if (RttSamples == 0)
        {
            return new DirectionAnalysis
            {
                Retransmissions = Retransmissions,
                DuplicateAcks = DuplicateAcks,
                ZeroWindows = ZeroWindows,
                OutOfOrder = OutOfOrder,
            };
        }

        // Exact integers until the last step: n²·variance = n·Σd² − (Σd)² (one sample, the common case: 0).
        var variance = 0.0;
        if (RttSamples > 1)
        {
            Int128 n = RttSamples;
            var scaledVariance = (n * RttSumSquares) - ((Int128)RttSum * RttSum);
            variance = (double)scaledVariance / ((double)RttSamples * RttSamples);
        }

        var mean = RttShift + ((double)RttSum / RttSamples);
        return new DirectionAnalysis
        {
            Retransmissions = Retransmissions,
            DuplicateAcks = DuplicateAcks,
            ZeroWindows = ZeroWindows,
            OutOfOrder = OutOfOrder,
            RttSamples = RttSamples,
            RttMinNanos = RttMinNanos,
            RttAvgNanos = (long)Math.Round(mean, MidpointRounding.AwayFromZero),
            RttMaxNanos = RttMaxNanos,
            RttStdevNanos = (long)Math.Round(Math.Sqrt(variance), MidpointRounding.AwayFromZero),
        };
    }
}
