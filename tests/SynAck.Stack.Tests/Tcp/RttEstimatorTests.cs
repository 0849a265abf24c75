using SynAck.Stack.Tcp;

namespace SynAck.Stack.Tests.Tcp;

public sealed class RttEstimatorTests
{
    private static RttEstimator Linux() => new(
        TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1));

    [Fact]
    public void RttEstimator_NoSample_RtoIsInitialOneSecond()
    {
        var e = new RttEstimator();
        Assert.Null(e.Srtt);
        Assert.Equal(TimeSpan.FromSeconds(1), e.Rto);
    }

    [Fact]
    public void RttEstimator_FirstSample_SetsSrttAndHalfVariance()
    {
        var e = Linux();
        e.Sample(TimeSpan.FromMilliseconds(100));
        Assert.Equal(TimeSpan.FromMilliseconds(100), e.Srtt);
        Assert.Equal(TimeSpan.FromMilliseconds(50), e.RttVar);
        // RFC 6298 §2.2: RTO = SRTT + max(G, 4*RTTVAR) = 100 + 200.
        Assert.Equal(TimeSpan.FromMilliseconds(300), e.Rto);
    }

    [Fact]
    public void RttEstimator_SecondSample_AppliesAlphaAndBeta()
    {
        var e = Linux();
        e.Sample(TimeSpan.FromMilliseconds(100));
        e.Sample(TimeSpan.FromMilliseconds(180));
        // RTTVAR = 3/4*50 + 1/4*|100-180| = 57.5; SRTT = 7/8*100 + 1/8*180 = 110.
        Assert.Equal(TimeSpan.FromMilliseconds(110), e.Srtt);
        Assert.Equal(TimeSpan.FromMilliseconds(57.5), e.RttVar);
        Assert.Equal(TimeSpan.FromMilliseconds(340), e.Rto);
    }

    [Fact]
    public void RttEstimator_SmallRttWithRfcDefaults_ClampsToOneSecond()
    {
        var e = new RttEstimator();
        e.Sample(TimeSpan.FromMilliseconds(10));
        Assert.Equal(TimeSpan.FromSeconds(1), e.Rto);
    }

    [Fact]
    public void RttEstimator_Backoff_DoublesUntilMaximum()
    {
        var e = new RttEstimator();
        e.Backoff();
        Assert.Equal(TimeSpan.FromSeconds(2), e.Rto);
        for (var i = 0; i < 10; i++)
        {
            e.Backoff();
        }

        Assert.Equal(TimeSpan.FromSeconds(60), e.Rto);
        Assert.Equal(11, e.Backoffs);
    }

    [Fact]
    public void RttEstimator_SampleAfterBackoff_ClearsBackoff()
    {
        var e = Linux();
        e.Backoff();
        e.Backoff();
        e.Sample(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, e.Backoffs);
        Assert.Equal(TimeSpan.FromMilliseconds(300), e.Rto);
    }
}
