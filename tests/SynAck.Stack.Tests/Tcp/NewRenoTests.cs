using SynAck.Stack.Tcp;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tests.Tcp;

public sealed class NewRenoTests
{
    private const int Mss = 1000;

    [Fact]
    public void NewReno_Initial_WindowIsRfc5681InitialWindow()
    {
        // min(4*1000, max(2*1000, 4380)) = 4000.
        Assert.Equal(4000u, new NewReno(Mss).Cwnd);
        // min(4*1460, max(2920, 4380)) = 4380.
        Assert.Equal(4380u, new NewReno(1460).Cwnd);
    }

    [Fact]
    public void NewReno_SlowStart_GrowsBySmssPerAck()
    {
        var cc = new NewReno(Mss);
        cc.OnNewAck(1000, new SeqNumber(1001), 3000);
        cc.OnNewAck(5000, new SeqNumber(6001), 3000);
        Assert.Equal(6000u, cc.Cwnd);
    }

    [Fact]
    public void NewReno_ThirdDuplicateAck_EntersFastRecovery()
    {
        var cc = new NewReno(Mss);
        var una = new SeqNumber(1);
        Assert.Equal(CongestionAction.None, cc.OnDuplicateAck(una, 8000, new SeqNumber(8001)));
        Assert.Equal(CongestionAction.None, cc.OnDuplicateAck(una, 8000, new SeqNumber(8001)));
        Assert.Equal(CongestionAction.FastRetransmit, cc.OnDuplicateAck(una, 8000, new SeqNumber(8001)));
        Assert.True(cc.InRecovery);
        Assert.Equal(4000u, cc.Ssthresh);
        Assert.Equal(7000u, cc.Cwnd);
        cc.OnDuplicateAck(una, 8000, new SeqNumber(8001));
        Assert.Equal(8000u, cc.Cwnd);
    }

    [Fact]
    public void NewReno_PartialAck_RetransmitsHeadAndDeflates()
    {
        var cc = InRecovery();
        Assert.Equal(CongestionAction.RetransmitHead, cc.OnNewAck(2000, new SeqNumber(2001), 6000));
        // 7000 - 2000 + 1000.
        Assert.Equal(6000u, cc.Cwnd);
        Assert.True(cc.InRecovery);
    }

    [Fact]
    public void NewReno_FullAck_ExitsRecoveryAtSsthresh()
    {
        var cc = InRecovery();
        Assert.Equal(CongestionAction.None, cc.OnNewAck(8000, new SeqNumber(8001), 0));
        Assert.False(cc.InRecovery);
        // min(ssthresh 4000, max(0, 1000) + 1000).
        Assert.Equal(2000u, cc.Cwnd);
    }

    [Fact]
    public void NewReno_Timeout_CollapsesToOneSegment()
    {
        var cc = new NewReno(Mss);
        cc.OnRetransmissionTimeout(10000, new SeqNumber(10001));
        Assert.Equal(1000u, cc.Cwnd);
        Assert.Equal(5000u, cc.Ssthresh);
    }

    [Fact]
    public void NewReno_DuplicateAcksBelowRecoverAfterTimeout_DoNotEnterRecovery()
    {
        var cc = new NewReno(Mss);
        cc.OnRetransmissionTimeout(10000, new SeqNumber(10001));
        var una = new SeqNumber(1);
        cc.OnDuplicateAck(una, 1000, new SeqNumber(10001));
        cc.OnDuplicateAck(una, 1000, new SeqNumber(10001));
        Assert.Equal(CongestionAction.None, cc.OnDuplicateAck(una, 1000, new SeqNumber(10001)));
        Assert.False(cc.InRecovery);
    }

    [Fact]
    public void NewReno_CongestionAvoidance_GrowsAboutOneSegmentPerWindow()
    {
        var cc = new NewReno(Mss);
        cc.OnRetransmissionTimeout(4000, new SeqNumber(1));
        // cwnd 1000, ssthresh 2000: one ACK of 1000 reaches ssthresh, then avoidance adds SMSS*SMSS/cwnd.
        cc.OnNewAck(1000, new SeqNumber(1001), 0);
        Assert.Equal(2000u, cc.Cwnd);
        cc.OnNewAck(1000, new SeqNumber(2001), 0);
        Assert.Equal(2500u, cc.Cwnd);
    }

    private static NewReno InRecovery()
    {
        var cc = new NewReno(Mss);
        for (var i = 0; i < 3; i++)
        {
            cc.OnDuplicateAck(new SeqNumber(1), 8000, new SeqNumber(8001));
        }

        return cc;
    }
}
