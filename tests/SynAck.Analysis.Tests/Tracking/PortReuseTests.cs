using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Fixtures;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;
using static SynAck.Analysis.Tests.Fixtures.Conversation;

namespace SynAck.Analysis.Tests.Tracking;

public class PortReuseTests
{
    [Fact]
    public void TimeWait_NewSynWithOtherIsn_StartsNewConnection()
    {
        var c = LastAck();
        c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        c.Client(TcpFlags.Syn, 900_000);
        Assert.Single(c.Records);
        c.Server(TcpFlags.Syn | TcpFlags.Ack, 77, 900_001);
        c.Client(TcpFlags.Ack, 900_001, 78);
        c.Tracker.Flush();
        Assert.Equal(2, c.Records.Count);
        Assert.Equal(RemovalReason.Reused, c.Records[0].RemovalReason);
        Assert.Equal(TcpState.TimeWait, c.Records[0].OrigState);
        Assert.Equal(ConnState.S1, c.Records[1].ConnState);
        Assert.Equal(900_000u, c.Records[1].Handshake.OrigIsn);
        Assert.NotEqual(c.Records[0].Uid, c.Records[1].Uid);
    }

    [Fact]
    public void Established_IdlePastInactivityTimeout_EvictedAndNextPacketStartsNewRecord()
    {
        var c = Established();
        c.NowNs += 301_000 * Millisecond;
        c.Client(TcpFlags.Psh | TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1, payload: 10);
        c.Tracker.Flush();
        Assert.Equal(2, c.Records.Count);
        Assert.Equal(RemovalReason.Inactivity, c.Records[0].RemovalReason);
        Assert.Equal(CloseKind.Evicted, c.Records[0].CloseKind);
        Assert.Equal(1, c.Tracker.Counters.EvictedIdle);
        Assert.Equal("D", c.Records[1].History);
        Assert.Equal(ConnState.Oth, c.Records[1].ConnState);
    }

    [Fact]
    public void Closed_PastCloseDelay_RemovedBySweep()
    {
        var c = LastAck();
        c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        var other = new Conversation();
        c.ClientPort = 40001;
        c.NowNs += 6_000 * Millisecond;
        c.Client(TcpFlags.Syn, 1);
        Assert.Single(c.Records);
        Assert.Equal(RemovalReason.Closed, c.Records[0].RemovalReason);
        Assert.Empty(other.Records);
    }

    [Fact]
    public void Uid_SameSeedAndOrder_IsStableAndDifferentPerConnection()
    {
        Assert.Equal(ConnUid.Create(7, 1), ConnUid.Create(7, 1));
        Assert.NotEqual(ConnUid.Create(7, 1), ConnUid.Create(7, 2));
        Assert.NotEqual(ConnUid.Create(7, 1), ConnUid.Create(8, 1));
        Assert.StartsWith("C", ConnUid.Create(0, 1), StringComparison.Ordinal);
        Assert.InRange(ConnUid.Create(0, 1).Length, 2, 18);
    }
}
