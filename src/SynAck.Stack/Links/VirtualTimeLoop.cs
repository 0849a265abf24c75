namespace SynAck.Stack.Links;

/// <summary>
/// Drives several stacks on one virtual clock: it jumps straight to the earliest instant any stack has work
/// (<see cref="TcpStack.PollAt"/>) and polls them all, so seconds of protocol time (RTOs, TIME-WAIT) pass in
/// microseconds of real time and every run is reproducible.
/// </summary>
public sealed class VirtualTimeLoop
{
    private readonly List<TcpStack> _stacks = [];

    /// <summary>The current virtual time.</summary>
    public Instant Now { get; private set; }

    /// <summary>Poll rounds run so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Adds a stack to drive.</summary>
    public void Add(TcpStack stack) => _stacks.Add(stack);

    /// <summary>Polls every stack at the current time.</summary>
    public void PollAll()
    {
        Steps++;
        foreach (var s in _stacks)
        {
            s.Poll(Now);
        }
    }

    /// <summary>
    /// Runs until <paramref name="done"/> holds (checked after every round) or no stack has work before
    /// <paramref name="limit"/>; returns whether <paramref name="done"/> became true.
    /// </summary>
    public bool RunUntil(Func<bool> done, Instant limit)
    {
        PollAll();
        while (!done())
        {
            var next = Instant.Never;
            foreach (var s in _stacks)
            {
                next = Instant.Min(next, s.PollAt);
            }

            if (next > limit)
            {
                return false;
            }

            Now = Instant.Max(Now, next);
            PollAll();
        }

        return true;
    }

    /// <summary>Advances the clock by <paramref name="d"/>, running every event on the way.</summary>
    public void RunFor(TimeSpan d)
    {
        var end = Now + d;
        RunUntil(() => false, end);
        Now = Instant.Max(Now, end);
        PollAll();
    }
}
