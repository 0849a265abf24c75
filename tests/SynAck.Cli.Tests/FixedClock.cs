namespace SynAck.Cli.Tests;

/// <summary>A wall clock that always reads the same instant (for the #open/#close lines of Zeek logs).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;
}
