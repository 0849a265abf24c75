namespace SynAck.Stack.Tcp;

/// <summary>
/// The retransmission timer computation of RFC 6298: SRTT/RTTVAR smoothing, the RTO bounds and exponential
/// backoff. Karn's rule (§3: no samples from retransmitted segments) is the caller's job: it only calls
/// <see cref="Sample"/> for segments sent exactly once.
/// </summary>
public sealed class RttEstimator
{
    // RFC 6298 §2.3: alpha = 1/8, beta = 1/4, K = 4.
    private const int K = 4;
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly TimeSpan _initial;
    private readonly TimeSpan _granularity;
    private TimeSpan _rto;
    private int _backoffs;

    /// <param name="min">Lower bound of the RTO: RFC 6298 §2.4 says 1 s; Linux uses 200 ms.</param>
    /// <param name="max">Upper bound (RFC 6298 §2.5 allows a maximum of at least 60 s).</param>
    /// <param name="initial">RTO before the first sample (RFC 6298 §2.1: 1 s).</param>
    /// <param name="granularity">Clock granularity G of RFC 6298 §2.3.</param>
    public RttEstimator(TimeSpan min, TimeSpan max, TimeSpan initial, TimeSpan granularity)
    {
        _min = min;
        _max = max;
        _initial = initial;
        _granularity = granularity;
        _rto = Clamp(initial);
    }

    /// <summary>An estimator with the RFC 6298 defaults: 1 s minimum and initial RTO, 60 s maximum, 1 ms granularity.</summary>
    public RttEstimator()
        : this(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1))
    {
    }

    /// <summary>Smoothed round-trip time, or null before the first measurement.</summary>
    public TimeSpan? Srtt { get; private set; }

    /// <summary>Round-trip time variation.</summary>
    public TimeSpan RttVar { get; private set; }

    /// <summary>The current retransmission timeout, including any backoff.</summary>
    public TimeSpan Rto => _rto;

    /// <summary>How many times the timer has been backed off since the last fresh sample.</summary>
    public int Backoffs => _backoffs;

    /// <summary>Feeds one round-trip measurement R (RFC 6298 §2.2 for the first, §2.3 for the rest) and clears the backoff.</summary>
    public void Sample(TimeSpan r)
    {
        if (r < TimeSpan.Zero)
        {
            r = TimeSpan.Zero;
        }

        if (Srtt is not { } srtt)
        {
            // §2.2: SRTT <- R, RTTVAR <- R/2.
            Srtt = r;
            RttVar = r / 2;
        }
        else
        {
            // §2.3: RTTVAR <- 3/4 RTTVAR + 1/4 |SRTT - R'|; SRTT <- 7/8 SRTT + 1/8 R' (RTTVAR first).
            var delta = srtt - r;
            RttVar = (RttVar * 3 / 4) + (delta.Duration() / 4);
            Srtt = (srtt * 7 / 8) + (r / 8);
        }

        _backoffs = 0;
        var variance = RttVar * K;
        _rto = Clamp(Srtt.Value + (variance > _granularity ? variance : _granularity));
    }

    /// <summary>RFC 6298 §5.5: doubles the RTO after a retransmission timeout, up to the maximum.</summary>
    public void Backoff()
    {
        _backoffs++;
        var doubled = _rto * 2;
        _rto = doubled > _max ? _max : doubled;
    }

    /// <summary>RFC 6298 §5.7: after the SYN timed out and no sample exists, RTO restarts at 3 s once data flows.</summary>
    public void ResetAfterSynTimeout()
    {
        if (Srtt is null)
        {
            _rto = Clamp(TimeSpan.FromSeconds(3) > _initial ? TimeSpan.FromSeconds(3) : _initial);
        }

        _backoffs = 0;
    }

    private TimeSpan Clamp(TimeSpan t) => t < _min ? _min : t > _max ? _max : t;
}
