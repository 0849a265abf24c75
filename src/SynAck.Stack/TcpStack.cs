using SynAck.Stack.Links;
using SynAck.Stack.Tcp;
using SynAck.Wire.Tcp;

namespace SynAck.Stack;

/// <summary>
/// A single-threaded TCP stack over one <see cref="ILink"/>: it demultiplexes segments by 4-tuple to connections
/// and listeners, answers closed ports with RST, and turns every connection's output into IP packets. It never
/// reads a clock or blocks: the owner calls <see cref="Poll"/> with the current time whenever a packet may have
/// arrived, a user call was made, or <see cref="PollAt"/> has come.
/// </summary>
public sealed partial class TcpStack
{
    private readonly TcpStackOptions _options;
    private readonly ILink _link;
    private readonly IIsnGenerator _isn;
    private readonly ChallengeAckLimiter _challengeLimiter;
    private readonly Dictionary<ConnectionKey, TcpConnection> _connections = [];
    private readonly Dictionary<ushort, Listener> _listeners = [];
    private readonly Dictionary<TcpConnection, Listener> _embryonic = [];
    private readonly List<TcpConnection> _scan = [];
    private readonly byte[] _rxBuffer;
    private readonly byte[] _txBuffer;
    private readonly PacketEmitter _emitter;
    private ushort _nextEphemeral;

    /// <param name="options">Address and tunables.</param>
    /// <param name="link">Where IP packets come from and go to.</param>
    /// <param name="isn">Initial sequence numbers (RFC 6528).</param>
    public TcpStack(TcpStackOptions options, ILink link, IIsnGenerator isn)
    {
        _options = options;
        _link = link;
        _isn = isn;
        _challengeLimiter = new ChallengeAckLimiter(options.Tcp.ChallengeAckLimitPerSecond);
        _rxBuffer = new byte[Math.Max(link.Mtu, 65535)];
        _txBuffer = new byte[Math.Max(link.Mtu, 65535)];
        _emitter = new PacketEmitter(this);
        _nextEphemeral = options.EphemeralPortFirst;
    }

    /// <summary>Every state transition of every connection, in order.</summary>
    public event Action<TcpTransition>? Transition;

    /// <summary>Sees every packet sent and received (pcap recording).</summary>
    public IPacketTap? Tap { get; set; }

    /// <summary>The stack's address.</summary>
    public Wire.IpAddr LocalAddress => _options.LocalAddress;

    /// <summary>Packet counters.</summary>
    public TcpStackCounters Counters { get; } = new();

    /// <summary>Connections currently in the demultiplexing table.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>The earliest instant <see cref="Poll"/> has work: a timer, a queued output, or a delayed packet.</summary>
    public Instant PollAt
    {
        get
        {
            var at = _link.PollAt;
            foreach (var c in _connections.Values)
            {
                at = Instant.Min(at, c.HasPendingOutput ? Instant.Zero : c.NextDeadline);
            }

            return at;
        }
    }

    /// <summary>Passive OPEN on <paramref name="port"/> with a backlog (RFC 9293 §3.10.1).</summary>
    public Listener Listen(ushort port, int backlog = 128)
    {
        if (_listeners.ContainsKey(port))
        {
            ThrowHelper.ThrowPortInUse(port);
        }

        var l = new Listener(new TcpEndpoint(_options.LocalAddress, port), Math.Max(1, backlog));
        _listeners.Add(port, l);
        return l;
    }

    /// <summary>Stops listening; connections already queued stay usable.</summary>
    public void CloseListener(Listener listener)
    {
        listener.IsOpen = false;
        _listeners.Remove(listener.Local.Port);
    }

    /// <summary>Active OPEN to <paramref name="remote"/> (RFC 9293 §3.10.1); the SYN goes out on the next <see cref="Poll"/>.</summary>
    public TcpConnection Connect(TcpEndpoint remote, Instant now, ushort localPort = 0)
    {
        if (localPort == 0)
        {
            localPort = AllocatePort(remote);
        }
        else if (_connections.ContainsKey(new ConnectionKey(localPort, remote)))
        {
            ThrowHelper.ThrowPortInUse(localPort);
        }

        var local = new TcpEndpoint(_options.LocalAddress, localPort);
        var c = NewConnection(local, remote);
        _connections.Add(new ConnectionKey(localPort, remote), c);
        c.OpenActive(_isn.Generate(local, remote, now), now);
        return c;
    }

    /// <summary>
    /// Reads every packet that has arrived, processes it, runs timers and sends everything due; connections that
    /// reached CLOSED leave the table (their objects keep their final state and error).
    /// </summary>
    public void Poll(Instant now)
    {
        while (_link.TryReceive(_rxBuffer, now, out var n))
        {
            HandlePacket(_rxBuffer.AsSpan(0, n), now);
        }

        _scan.Clear();
        _scan.AddRange(_connections.Values);
        foreach (var c in _scan)
        {
            if (c.HasPendingOutput || c.NextDeadline <= now)
            {
                Dispatch(c, now);
            }

            if (_embryonic.TryGetValue(c, out var l) && l.Promote(c) || c.State is TcpState.Closed or TcpState.Listen)
            {
                _embryonic.Remove(c);
            }

            if (c.State is TcpState.Closed or TcpState.Listen)
            {
                _connections.Remove(new ConnectionKey(c.Local.Port, c.Remote));
            }
        }
    }

    private TcpConnection NewConnection(TcpEndpoint local, TcpEndpoint remote)
    {
        // RFC 9293 §3.7.1 / RFC 6691: the MSS we offer is the MTU minus fixed IP and TCP headers; without an
        // option from the peer, assume 536 (IPv4) or 1220 (IPv6).
        var v6 = local.Address.IsV6;
        var localMss = _link.Mtu - (v6 ? 60 : 40);
        return new TcpConnection(_options.Tcp, local, remote, localMss, v6 ? 1220 : 536, _challengeLimiter, OnTransition);
    }

    private void OnTransition(TcpTransition t) => Transition?.Invoke(t);

    private void Dispatch(TcpConnection c, Instant now)
    {
        _emitter.Now = now;
        _emitter.Connection = c;
        c.Dispatch(now, _emitter);
    }

    private ushort AllocatePort(TcpEndpoint remote)
    {
        var span = _options.EphemeralPortLast - _options.EphemeralPortFirst + 1;
        for (var i = 0; i < span; i++)
        {
            var port = _nextEphemeral;
            _nextEphemeral = port >= _options.EphemeralPortLast ? _options.EphemeralPortFirst : (ushort)(port + 1);
            if (!_listeners.ContainsKey(port) && !_connections.ContainsKey(new ConnectionKey(port, remote)))
            {
                return port;
            }
        }

        ThrowHelper.ThrowNoFreePort();
        return 0;
    }

    /// <summary>Demultiplexing key: local port and remote endpoint (the local address is the stack's).</summary>
    private readonly record struct ConnectionKey(ushort LocalPort, TcpEndpoint Remote);
}
