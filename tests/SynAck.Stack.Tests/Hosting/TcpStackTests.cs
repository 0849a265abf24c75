using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tests.Hosting;

// Stack-level behaviour: demultiplexing, closed ports, backlog, TIME-WAIT reuse, transition events.
public sealed class TcpStackTests
{
    [Fact]
    public void TcpStack_SynToClosedPort_RepliesRstAndClientIsRefused()
    {
        var net = new StackPair();
        var client = net.A.Connect(new TcpEndpoint(StackPair.AddressB, 81), net.Loop.Now);
        Assert.True(net.Run(() => client.State == TcpState.Closed, TimeSpan.FromSeconds(5)));
        Assert.Equal(TcpError.ConnectionRefused, client.Error);
        Assert.Equal(1, net.B.Counters.ResetsForClosedPorts);
    }

    [Fact]
    public void TcpStack_BacklogFull_DropsFurtherSyns()
    {
        var net = new StackPair();
        var listener = net.B.Listen(80, backlog: 1);
        var first = net.A.Connect(new TcpEndpoint(StackPair.AddressB, 80), net.Loop.Now);
        var second = net.A.Connect(new TcpEndpoint(StackPair.AddressB, 80), net.Loop.Now);
        net.Run(() => false, TimeSpan.FromMilliseconds(100));
        Assert.Equal(TcpState.Established, first.State);
        Assert.Equal(TcpState.SynSent, second.State);
        Assert.Equal(1, listener.DroppedSyns);
        Assert.True(listener.TryAccept(out _));

        // With the queue drained, the retransmitted SYN is accepted.
        Assert.True(net.Run(() => second.State == TcpState.Established, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void TcpStack_SegmentWithBadChecksum_IsDiscarded()
    {
        var net = new StackPair(impairA: new SynAck.Stack.Links.ImpairmentOptions { Corrupt = 1.0, Directions = SynAck.Stack.Links.ImpairmentDirections.Outbound });
        net.B.Listen(80);
        var client = net.A.Connect(new TcpEndpoint(StackPair.AddressB, 80), net.Loop.Now);
        net.Run(() => false, TimeSpan.FromMilliseconds(100));
        Assert.Equal(TcpState.SynSent, client.State);
        Assert.Equal(1, net.B.Counters.BadChecksum + net.B.Counters.Malformed + net.B.Counters.NotForUs);
    }

    [Fact]
    public void TcpStack_Handshake_EmitsTransitionsOnBothSides()
    {
        var net = new StackPair();
        net.Establish();
        Assert.Equal(
            ["CLOSED->SYN-SENT", "CLOSED->LISTEN", "LISTEN->SYN-RECEIVED", "SYN-SENT->ESTABLISHED", "SYN-RECEIVED->ESTABLISHED"],
            net.Transitions.Select(t => $"{t.From.ToRfcName()}->{t.To.ToRfcName()}"));
    }

    [Fact]
    public void TcpStack_TimeWait_SynWithHigherSeqReopens()
    {
        var net = new StackPair();
        var (client, server) = net.Establish();
        server.Close(net.Loop.Now);
        Assert.True(net.Run(() => client.State == TcpState.CloseWait, TimeSpan.FromSeconds(5)));
        client.Close(net.Loop.Now);
        Assert.True(net.Run(() => server.State == TcpState.TimeWait && client.State == TcpState.Closed, TimeSpan.FromSeconds(5)));

        // The same client port connects again a second later: its ISN (a 4 µs clock) is higher, so B reuses the pair.
        net.Loop.RunFor(TimeSpan.FromSeconds(1));
        var again = net.A.Connect(new TcpEndpoint(StackPair.AddressB, 80), net.Loop.Now, client.Local.Port);
        Assert.True(net.Run(() => again.State == TcpState.Established, TimeSpan.FromSeconds(5)));
        Assert.Equal(1, net.B.ConnectionCount);
    }
}
