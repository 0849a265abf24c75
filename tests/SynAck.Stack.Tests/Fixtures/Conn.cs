using SynAck.Stack.Tcp;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tests.Fixtures;

/// <summary>
/// One connection under test with a virtual clock and a recording sink, plus per-state fixtures: each factory
/// drives the connection through the real handshake or teardown into the named state and clears the output.
/// Our ISS is 1000, the peer's 5000; local 10.0.0.1:4000, remote 10.0.0.2:80.
/// </summary>
internal sealed class Conn
{
    public const uint Iss = 1000;
    public const uint PeerIss = 5000;
    public const ushort LocalPort = 4000;
    public const ushort RemotePort = 80;

    public static readonly TcpConfig DefaultConfig = new() { DelayedAck = false, ReceiveBufferSize = 65535, SendBufferSize = 65535 };

    private Conn(TcpConfig? config)
    {
        Transitions = [];
        C = new TcpConnection(
            config ?? DefaultConfig,
            new TcpEndpoint(IpAddr.FromV4(0x0A000001), LocalPort),
            new TcpEndpoint(IpAddr.FromV4(0x0A000002), RemotePort),
            localMss: 1460,
            defaultRemoteMss: 536,
            challengeLimiter: new ChallengeAckLimiter(2),
            observer: Transitions.Add);
    }

    public TcpConnection C { get; }

    public RecordingSink Sink { get; } = new();

    public List<TcpTransition> Transitions { get; }

    public Instant Now { get; set; } = Instant.FromMilliseconds(1000);

    public TcpState State => C.State;

    public static Conn Closed(TcpConfig? config = null) => new(config);

    public static Conn Listen(TcpConfig? config = null)
    {
        var c = new Conn(config);
        c.C.OpenPassive(new SeqNumber(Iss), c.Now);
        return c;
    }

    public static Conn SynSent(TcpConfig? config = null)
    {
        var c = new Conn(config);
        c.C.OpenActive(new SeqNumber(Iss), c.Now);
        c.Dispatch();
        c.Sink.Take();
        return c;
    }

    public static Conn SynReceived(TcpConfig? config = null)
    {
        var c = Listen(config);
        c.Receive(TcpFlags.Syn, PeerIss, 0, mss: 1460);
        c.Sink.Take();
        return c;
    }

    public static Conn Established(TcpConfig? config = null)
    {
        var c = SynSent(config);
        c.Receive(TcpFlags.Syn | TcpFlags.Ack, PeerIss, Iss + 1, mss: 1460);
        c.Sink.Take();
        return c;
    }

    public static Conn FinWait1(TcpConfig? config = null)
    {
        var c = Established(config);
        c.C.Close(c.Now);
        c.Dispatch();
        c.Sink.Take();
        return c;
    }

    public static Conn FinWait2(TcpConfig? config = null)
    {
        var c = FinWait1(config);
        c.Receive(TcpFlags.Ack, PeerIss + 1, Iss + 2);
        c.Sink.Take();
        return c;
    }

    public static Conn Closing(TcpConfig? config = null)
    {
        var c = FinWait1(config);
        c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 1, Iss + 1);
        c.Sink.Take();
        return c;
    }

    public static Conn TimeWait(TcpConfig? config = null)
    {
        var c = FinWait2(config);
        c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 1, Iss + 2);
        c.Sink.Take();
        return c;
    }

    public static Conn CloseWait(TcpConfig? config = null)
    {
        var c = Established(config);
        c.Receive(TcpFlags.Fin | TcpFlags.Ack, PeerIss + 1, Iss + 1);
        c.Sink.Take();
        return c;
    }

    public static Conn LastAck(TcpConfig? config = null)
    {
        var c = CloseWait(config);
        c.C.Close(c.Now);
        c.Dispatch();
        c.Sink.Take();
        return c;
    }

    /// <summary>Delivers a segment from the peer and dispatches; returns what the connection sent in response.</summary>
    public List<(TcpRepr Segment, byte[] Payload)> Receive(
        TcpFlags flags, uint seq, uint ack, byte[]? payload = null, ushort window = 65535, ushort? mss = null, byte? windowScale = null, (uint TsVal, uint TsEcr)? timestamps = null, bool sackPermitted = false)
    {
        var seg = new TcpRepr
        {
            SourcePort = RemotePort,
            DestinationPort = LocalPort,
            Seq = new SeqNumber(seq),
            Ack = new SeqNumber(ack),
            Flags = flags,
            Window = window,
            Mss = mss,
            WindowScale = windowScale,
            Timestamps = timestamps,
            SackPermitted = sackPermitted,
        };
        C.Process(seg, payload ?? [], Now);
        Dispatch();
        return Sink.Take();
    }

    /// <summary>Runs timers and output at the current time; returns what was sent.</summary>
    public List<(TcpRepr Segment, byte[] Payload)> Dispatch()
    {
        C.Dispatch(Now, Sink);
        return new List<(TcpRepr, byte[])>(Sink.Sent);
    }

    /// <summary>Advances virtual time to the next deadline (or by <paramref name="d"/>) and dispatches; returns what was sent.</summary>
    public List<(TcpRepr Segment, byte[] Payload)> Advance(TimeSpan d)
    {
        Now += d;
        Sink.Take();
        C.Dispatch(Now, Sink);
        return Sink.Take();
    }

    public static void AssertSegment(TcpRepr s, TcpFlags flags, uint seq, uint? ack = null)
    {
        Assert.Equal(flags, s.Flags);
        Assert.Equal(new SeqNumber(seq), s.Seq);
        if (ack is { } a)
        {
            Assert.Equal(new SeqNumber(a), s.Ack);
        }
    }
}
