namespace SynAck.Stack.Tcp;

/// <summary>
/// The challenge-ACK budget of RFC 5961 §7: at most N challenge ACKs per second, shared by every connection of a
/// stack, so an off-path attacker cannot use them as an amplifier or a side channel to count.
/// </summary>
public sealed class ChallengeAckLimiter
{
    private readonly int _perSecond;
    private long _windowStart = long.MinValue;
    private int _sent;

    /// <param name="perSecond">Challenge ACKs allowed per one-second window.</param>
    public ChallengeAckLimiter(int perSecond) => _perSecond = perSecond;

    /// <summary>Challenge ACKs suppressed by the limit.</summary>
    public long Suppressed { get; private set; }

    /// <summary>Takes one challenge ACK from the budget; false when the second's budget is spent.</summary>
    public bool TryTake(Instant now)
    {
        var second = now.Microseconds / 1_000_000;
        if (second != _windowStart)
        {
            _windowStart = second;
            _sent = 0;
        }

        if (_sent >= _perSecond)
        {
            Suppressed++;
            return false;
        }

        _sent++;
        return true;
    }
}
