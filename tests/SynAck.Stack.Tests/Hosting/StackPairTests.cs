using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tests.Hosting;

public sealed class StackPairTests
{
    [Fact]
    public void StackPair_Connect_BothEstablished()
    {
        var net = new StackPair();
        var (client, server) = net.Establish();
        Assert.Equal(TcpState.Established, client.State);
        Assert.Equal(TcpState.Established, server.State);
        Assert.Equal(client.Iss.Add(1u), server.RcvNxt);
        Assert.Equal(server.Iss.Add(1u), client.RcvNxt);
    }

    [Fact]
    public void StackPair_TransferAndClose_DataIntactClientInTimeWait()
    {
        var net = new StackPair();
        var (client, server) = net.Establish();
        var data = new byte[200_000];
        new Random(1).NextBytes(data);
        var received = new MemoryStream();
        var sent = 0;
        var buf = new byte[8192];
        Assert.True(net.Run(
            () =>
            {
                sent += client.Send(data.AsSpan(sent));
                int n;
                while ((n = server.Receive(buf)) > 0)
                {
                    received.Write(buf, 0, n);
                }

                return received.Length == data.Length;
            },
            TimeSpan.FromSeconds(60)));
        Assert.Equal(data, received.ToArray());

        client.Close(net.Loop.Now);
        Assert.True(net.Run(() => server.State == TcpState.CloseWait && client.State == TcpState.FinWait2, TimeSpan.FromSeconds(5)));
        server.Close(net.Loop.Now);
        Assert.True(net.Run(() => server.State == TcpState.Closed && client.State == TcpState.TimeWait, TimeSpan.FromSeconds(5)));
        Assert.True(net.Run(() => client.State == TcpState.Closed, TimeSpan.FromSeconds(61)));
        Assert.Equal(0, net.A.ConnectionCount);
        Assert.Equal(0, net.B.ConnectionCount);
    }
}
