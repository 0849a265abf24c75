namespace SynAck.Stack.Links;

/// <summary>
/// A decorator that impairs another link with seeded loss, duplication, reordering, delay and corruption, in either
/// direction. Delayed packets wait in per-direction queues ordered by release time and go out on the first call at
/// or after that time (<see cref="PollAt"/> says when). All randomness comes from <see cref="ImpairmentOptions.Seed"/>.
/// </summary>
public sealed class ImpairedLink : ILink
{
    private readonly ILink _inner;
    private readonly ImpairmentOptions _options;
    private readonly Random _random;
    private readonly PriorityQueue<byte[], (Instant At, long Order)> _outbound = new();
    private readonly PriorityQueue<byte[], (Instant At, long Order)> _inbound = new();
    private readonly byte[] _scratch;
    private long _order;

    /// <param name="inner">The link to impair.</param>
    /// <param name="options">What to do to packets.</param>
    public ImpairedLink(ILink inner, ImpairmentOptions options)
    {
        _inner = inner;
        _options = options;
        _random = new Random(options.Seed);
        _scratch = new byte[Math.Max(inner.Mtu, 65535)];
    }

    /// <inheritdoc />
    public int Mtu => _inner.Mtu;

    /// <summary>Packets dropped.</summary>
    public long Dropped { get; private set; }

    /// <summary>Extra copies delivered.</summary>
    public long Duplicated { get; private set; }

    /// <summary>Packets held back so that later ones overtake them.</summary>
    public long Reordered { get; private set; }

    /// <summary>Packets with a flipped bit.</summary>
    public long Corrupted { get; private set; }

    /// <inheritdoc />
    public Instant PollAt
    {
        get
        {
            var at = _inner.PollAt;
            if (_outbound.TryPeek(out _, out var o))
            {
                at = Instant.Min(at, o.At);
            }

            if (_inbound.TryPeek(out _, out var i))
            {
                at = Instant.Min(at, i.At);
            }

            return at;
        }
    }

    /// <inheritdoc />
    public void Send(ReadOnlySpan<byte> packet, Instant now)
    {
        FlushOutbound(now);
        if ((_options.Directions & ImpairmentDirections.Outbound) == 0)
        {
            _inner.Send(packet, now);
            return;
        }

        Impair(packet, now, _outbound);
        FlushOutbound(now);
    }

    /// <inheritdoc />
    public bool TryReceive(Span<byte> buffer, Instant now, out int length)
    {
        FlushOutbound(now);
        if ((_options.Directions & ImpairmentDirections.Inbound) == 0)
        {
            return _inner.TryReceive(buffer, now, out length);
        }

        while (_inner.TryReceive(_scratch, now, out var n))
        {
            Impair(_scratch.AsSpan(0, n), now, _inbound);
        }

        if (_inbound.TryPeek(out var head, out var when) && when.At <= now && head.Length <= buffer.Length)
        {
            _inbound.Dequeue();
            head.CopyTo(buffer);
            length = head.Length;
            return true;
        }

        length = 0;
        return false;
    }

    /// <inheritdoc />
    public void SetWakeup(Action? wakeup) => _inner.SetWakeup(wakeup);

    private void Impair(ReadOnlySpan<byte> packet, Instant now, PriorityQueue<byte[], (Instant, long)> queue)
    {
        if (_random.NextDouble() < _options.Loss)
        {
            Dropped++;
            return;
        }

        var copy = packet.ToArray();
        if (copy.Length > 0 && _random.NextDouble() < _options.Corrupt)
        {
            Corrupted++;
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        }

        var at = now + _options.Delay;
        if (_random.NextDouble() < _options.Reorder)
        {
            Reordered++;
            at += _options.ReorderDelay;
        }

        queue.Enqueue(copy, (at, _order++));
        if (_random.NextDouble() < _options.Duplicate)
        {
            Duplicated++;
            queue.Enqueue((byte[])copy.Clone(), (at, _order++));
        }
    }

    private void FlushOutbound(Instant now)
    {
        while (_outbound.TryPeek(out var packet, out var when) && when.At <= now)
        {
            _outbound.Dequeue();
            _inner.Send(packet, now);
        }
    }
}
