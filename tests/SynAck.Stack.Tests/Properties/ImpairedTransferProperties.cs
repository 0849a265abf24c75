using SynAck.Stack.Links;
using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tests.Properties;

public sealed class ImpairedTransferProperties
{
    private const int Seeds = 1000;

    private static readonly TcpConfig s_config = new()
    {
        MinRto = TimeSpan.FromMilliseconds(200),
        InitialRto = TimeSpan.FromMilliseconds(200),
        SendBufferSize = 16 * 1024,
        ReceiveBufferSize = 16 * 1024,
        MaxRetransmissions = 30,
        MaxSynRetransmissions = 30,
        Msl = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public void ImpairedLink_RandomTransferBothWays_ArrivesIntactAndBothClose_Property()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < Seeds; seed++)
        {
            var problem = RunSeed(seed);
            if (problem is not null)
            {
                failures.Add($"seed {seed}: {problem}");
            }
        }

        Assert.Empty(failures);
    }

    private static string? RunSeed(int seed)
    {
        var rng = new Random(seed);
        ImpairmentOptions Impairment(int s) => new()
        {
            Seed = s,
            Loss = rng.NextDouble() * 0.1,
            Duplicate = rng.NextDouble() * 0.05,
            Reorder = rng.NextDouble() * 0.1,
            ReorderDelay = TimeSpan.FromMilliseconds(rng.Next(1, 20)),
            Corrupt = rng.NextDouble() * 0.02,
        };

        var net = new StackPair(s_config, Impairment(seed * 2), Impairment((seed * 2) + 1), TimeSpan.FromMilliseconds(rng.Next(1, 30)));
        var aToB = new byte[rng.Next(0, 40_000)];
        var bToA = new byte[rng.Next(0, 10_000)];
        rng.NextBytes(aToB);
        rng.NextBytes(bToA);

        var listener = net.B.Listen(80);
        var a = net.A.Connect(new TcpEndpoint(StackPair.AddressB, 80), net.Loop.Now);
        TcpConnection? b = null;
        if (!net.Run(() => b is not null || listener.TryAccept(out b), TimeSpan.FromMinutes(5)) || b is null)
        {
            return $"no connection (client {a.State.ToRfcName()})";
        }

        var transfer = new Transfer(net, a, b, aToB, bToA);
        var finished = transfer.Run(TimeSpan.FromMinutes(30));
        if (!transfer.ReceivedByB.AsSpan().SequenceEqual(aToB) || !transfer.ReceivedByA.AsSpan().SequenceEqual(bToA))
        {
            return $"data differs: B got {transfer.ReceivedByB.Length}/{aToB.Length}, A got {transfer.ReceivedByA.Length}/{bToA.Length}; states {a.State.ToRfcName()}/{b.State.ToRfcName()} errors {a.Error}/{b.Error}";
        }

        return finished ? null : $"not closed: {a.State.ToRfcName()}/{b.State.ToRfcName()} errors {a.Error}/{b.Error}";
    }
}
