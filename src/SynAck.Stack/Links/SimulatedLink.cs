namespace SynAck.Stack.Links;

/// <summary>
/// One end of an in-memory point-to-point wire on virtual time: a packet sent at <c>t</c> becomes receivable at
/// the other end at <c>t + latency</c>, in send order. Ends may be driven from different threads (the queues are
/// locked), but the usual use is one virtual-time loop driving both.
/// </summary>
public sealed class SimulatedLink : ILink
{
    private readonly Lock _gate = new();
    private readonly Queue<(Instant At, byte[] Packet)> _inbound = new();
    private readonly TimeSpan _latency;
    private SimulatedLink? _peer;
    private Action? _wakeup;

    private SimulatedLink(TimeSpan latency, int mtu)
    {
        _latency = latency;
        Mtu = mtu;
    }

    /// <inheritdoc />
    public int Mtu { get; }

    /// <summary>Packets this end has sent.</summary>
    public long PacketsSent { get; private set; }

    /// <summary>Creates both ends of a wire with one-way <paramref name="latency"/>.</summary>
    public static (SimulatedLink A, SimulatedLink B) CreatePair(TimeSpan latency, int mtu = 1500)
    {
        var a = new SimulatedLink(latency, mtu);
        var b = new SimulatedLink(latency, mtu);
        a._peer = b;
        b._peer = a;
        return (a, b);
    }

    /// <inheritdoc />
    public Instant PollAt
    {
        get
        {
            lock (_gate)
            {
                return _inbound.TryPeek(out var head) ? head.At : Instant.Never;
            }
        }
    }

    /// <inheritdoc />
    public void Send(ReadOnlySpan<byte> packet, Instant now)
    {
        if (packet.Length > Mtu)
        {
            return;
        }

        PacketsSent++;
        _peer!.Deliver(now + _latency, packet.ToArray());
    }

    /// <inheritdoc />
    public bool TryReceive(Span<byte> buffer, Instant now, out int length)
    {
        lock (_gate)
        {
            if (_inbound.TryPeek(out var head) && head.At <= now && head.Packet.Length <= buffer.Length)
            {
                _inbound.Dequeue();
                head.Packet.CopyTo(buffer);
                length = head.Packet.Length;
                return true;
            }
        }

        length = 0;
        return false;
    }

    /// <inheritdoc />
    public void SetWakeup(Action? wakeup) => _wakeup = wakeup;

    private void Deliver(Instant at, byte[] packet)
    {
        lock (_gate)
        {
            // Constant latency keeps arrival times in send order, so a FIFO is a time-ordered queue.
            _inbound.Enqueue((at, packet));
        }

        _wakeup?.Invoke();
    }
}
