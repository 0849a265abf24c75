using SynAck.Stack.Links;
using SynAck.Stack.Tcp;
using SynAck.Wire;

namespace SynAck.Stack.Tests.Fixtures;

/// <summary>Two stacks on a simulated wire (optionally impaired), driven by one virtual clock.</summary>
internal sealed class StackPair
{
    public static readonly IpAddr AddressA = IpAddr.FromV4(0x0A000001);
    public static readonly IpAddr AddressB = IpAddr.FromV4(0x0A000002);

    public StackPair(TcpConfig? config = null, ImpairmentOptions? impairA = null, ImpairmentOptions? impairB = null, TimeSpan? latency = null)
    {
        config ??= new TcpConfig();
        var (la, lb) = SimulatedLink.CreatePair(latency ?? TimeSpan.FromMilliseconds(5));
        LinkA = impairA is null ? la : new ImpairedLink(la, impairA);
        LinkB = impairB is null ? lb : new ImpairedLink(lb, impairB);
        A = new TcpStack(new TcpStackOptions { LocalAddress = AddressA, Tcp = config }, LinkA, new KeyedHashIsnGenerator(new byte[16]));
        B = new TcpStack(new TcpStackOptions { LocalAddress = AddressB, Tcp = config }, LinkB, new KeyedHashIsnGenerator(Enumerable.Repeat((byte)7, 16).ToArray()));
        A.Transition += t => Transitions.Add(t);
        B.Transition += t => Transitions.Add(t);
        Loop.Add(A);
        Loop.Add(B);
    }

    public ILink LinkA { get; }

    public ILink LinkB { get; }

    public TcpStack A { get; }

    public TcpStack B { get; }

    public VirtualTimeLoop Loop { get; } = new();

    public List<TcpTransition> Transitions { get; } = [];

    public bool Run(Func<bool> done, TimeSpan limit) => Loop.RunUntil(done, Loop.Now + limit);

    /// <summary>Connects A to a listener on B port 80 and returns both ends once established.</summary>
    public (TcpConnection Client, TcpConnection Server) Establish()
    {
        var listener = B.Listen(80);
        var client = A.Connect(new TcpEndpoint(AddressB, 80), Loop.Now);
        TcpConnection? server = null;
        Assert.True(Run(() => listener.TryAccept(out server) && client.State == Wire.Tcp.TcpState.Established, TimeSpan.FromSeconds(30)));
        return (client, server!);
    }
}
