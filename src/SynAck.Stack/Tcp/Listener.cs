namespace SynAck.Stack.Tcp;

/// <summary>
/// A port in LISTEN (RFC 9293 §3.10.1 passive OPEN) with its backlog: connections in SYN-RECEIVED (the SYN queue)
/// plus established connections not yet accepted (the accept queue) never exceed <see cref="Backlog"/>; further
/// SYNs are dropped, so the peer retries (as Linux does with a full queue).
/// </summary>
public sealed class Listener
{
    private readonly Queue<TcpConnection> _accepted = new();
    private readonly HashSet<TcpConnection> _synQueue = [];

    internal Listener(TcpEndpoint local, int backlog)
    {
        Local = local;
        Backlog = backlog;
    }

    /// <summary>Local address and port.</summary>
    public TcpEndpoint Local { get; }

    /// <summary>Most connections queued (SYN queue plus accept queue).</summary>
    public int Backlog { get; }

    /// <summary>Connections in SYN-RECEIVED.</summary>
    public int SynQueueLength => _synQueue.Count;

    /// <summary>Established connections waiting for <see cref="TryAccept"/>.</summary>
    public int AcceptQueueLength => _accepted.Count;

    /// <summary>SYNs dropped because the backlog was full.</summary>
    public long DroppedSyns { get; internal set; }

    /// <summary>False once the listener has been closed.</summary>
    public bool IsOpen { get; internal set; } = true;

    /// <summary>Takes the oldest established connection; false when none waits.</summary>
    public bool TryAccept(out TcpConnection connection) => _accepted.TryDequeue(out connection!);

    internal bool IsFull => _synQueue.Count + _accepted.Count >= Backlog;

    internal void AddEmbryonic(TcpConnection c) => _synQueue.Add(c);

    /// <summary>Moves a connection whose handshake completed to the accept queue, or forgets one that died first.</summary>
    internal bool Promote(TcpConnection c)
    {
        if (!_synQueue.Contains(c))
        {
            return false;
        }

        if (c.WasEstablished)
        {
            _synQueue.Remove(c);
            _accepted.Enqueue(c);
            return true;
        }

        if (c.State is Wire.Tcp.TcpState.Closed or Wire.Tcp.TcpState.Listen)
        {
            _synQueue.Remove(c);
        }

        return false;
    }
}
