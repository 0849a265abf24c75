using BenchmarkDotNet.Attributes;
using SynAck.Stack;
using SynAck.Stack.Links;
using SynAck.Stack.Tcp;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Benchmarks;

/// <summary>
/// The stack core over an in-memory link on virtual time: bulk throughput of one connection and complete
/// connection lifecycles (handshake, one request byte, four-way close). This measures the protocol code alone;
/// TUN and kernel comparisons need root and are not part of this suite.
/// </summary>
[MemoryDiagnoser]
public class StackBenchmarks
{
    private static readonly IpAddr s_a = IpAddr.FromV4(0x0A000001);
    private static readonly IpAddr s_b = IpAddr.FromV4(0x0A000002);
    private readonly byte[] _payload = new byte[4 * 1024 * 1024];
    private readonly byte[] _sink = new byte[65536];

    [Benchmark]
    public long BulkTransfer4MiB()
    {
        var (a, b, loop) = Pair();
        var listener = b.Listen(80);
        var client = a.Connect(new TcpEndpoint(s_b, 80), loop.Now);
        TcpConnection? server = null;
        loop.RunUntil(() => listener.TryAccept(out server), Instant.FromMilliseconds(10_000));
        var sent = 0;
        long received = 0;
        loop.RunUntil(
            () =>
            {
                sent += client.Send(_payload.AsSpan(sent));
                int n;
                while ((n = server!.Receive(_sink)) > 0)
                {
                    received += n;
                }

                return received == _payload.Length;
            },
            loop.Now + TimeSpan.FromMinutes(10));
        return received;
    }

    [Benchmark(OperationsPerInvoke = 100)]
    public int ConnectionLifecycles()
    {
        var (a, b, loop) = Pair();
        var listener = b.Listen(80, 1000);
        var done = 0;
        for (var i = 0; i < 100; i++)
        {
            var client = a.Connect(new TcpEndpoint(s_b, 80), loop.Now);
            TcpConnection? server = null;
            loop.RunUntil(() => listener.TryAccept(out server), loop.Now + TimeSpan.FromSeconds(10));
            client.Send([1]);
            client.Close(loop.Now);
            loop.RunUntil(() => server!.State == TcpState.CloseWait, loop.Now + TimeSpan.FromSeconds(10));
            server!.Close(loop.Now);
            loop.RunUntil(() => server.State == TcpState.Closed, loop.Now + TimeSpan.FromSeconds(10));
            done++;
        }

        return done;
    }

    private static (TcpStack A, TcpStack B, VirtualTimeLoop Loop) Pair()
    {
        var (la, lb) = SimulatedLink.CreatePair(TimeSpan.FromMicroseconds(50));
        var config = new TcpConfig { SendBufferSize = 1 << 20, ReceiveBufferSize = 1 << 20 };
        var a = new TcpStack(new TcpStackOptions { LocalAddress = s_a, Tcp = config }, la, new KeyedHashIsnGenerator(new byte[16]));
        var b = new TcpStack(new TcpStackOptions { LocalAddress = s_b, Tcp = config }, lb, new KeyedHashIsnGenerator(new byte[16]));
        var loop = new VirtualTimeLoop();
        loop.Add(a);
        loop.Add(b);
        return (a, b, loop);
    }
}
