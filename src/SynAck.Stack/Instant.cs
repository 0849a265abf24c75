namespace SynAck.Stack;

/// <summary>
/// A point on a monotonic clock, in microseconds since an arbitrary origin (the stack's epoch). The core never
/// reads a clock: every entry point takes the current <see cref="Instant"/>, so tests drive virtual time.
/// Unlike sequence numbers these never wrap, so ordinary comparison operators are sound.
/// </summary>
public readonly record struct Instant(long Microseconds) : IComparable<Instant>
{
    /// <summary>The origin of the clock.</summary>
    public static readonly Instant Zero = new(0);

    /// <summary>A deadline that never arrives: what idle timers report.</summary>
    public static readonly Instant Never = new(long.MaxValue);

    /// <summary>An instant <paramref name="ms"/> milliseconds after the origin.</summary>
    public static Instant FromMilliseconds(long ms) => new(ms * 1000);

    /// <summary>An instant <paramref name="span"/> after the origin.</summary>
    public static Instant FromTimeSpan(TimeSpan span) => new(span.Ticks / TimeSpan.TicksPerMicrosecond);

    /// <summary>Milliseconds since the origin (truncated).</summary>
    public long TotalMilliseconds => Microseconds / 1000;

    /// <summary>True for <see cref="Never"/>.</summary>
    public bool IsNever => Microseconds == long.MaxValue;

    /// <summary>This instant plus a duration; <see cref="Never"/> stays <see cref="Never"/> and sums saturate.</summary>
    public Instant Add(TimeSpan d)
    {
        if (IsNever)
        {
            return Never;
        }

        var delta = d.Ticks / TimeSpan.TicksPerMicrosecond;
        return delta > 0 && Microseconds > long.MaxValue - delta ? Never : new Instant(Microseconds + delta);
    }

    /// <summary>The earlier of two instants.</summary>
    public static Instant Min(Instant a, Instant b) => a.Microseconds <= b.Microseconds ? a : b;

    /// <summary>The later of two instants.</summary>
    public static Instant Max(Instant a, Instant b) => a.Microseconds >= b.Microseconds ? a : b;

    public static Instant operator +(Instant a, TimeSpan d) => a.Add(d);

    public static TimeSpan operator -(Instant a, Instant b) => TimeSpan.FromTicks((a.Microseconds - b.Microseconds) * TimeSpan.TicksPerMicrosecond);

    public static bool operator <(Instant a, Instant b) => a.Microseconds < b.Microseconds;

    public static bool operator >(Instant a, Instant b) => a.Microseconds > b.Microseconds;

    public static bool operator <=(Instant a, Instant b) => a.Microseconds <= b.Microseconds;

    public static bool operator >=(Instant a, Instant b) => a.Microseconds >= b.Microseconds;

    public int CompareTo(Instant other) => Microseconds.CompareTo(other.Microseconds);

    public override string ToString() => IsNever
        ? "never"
        : (Microseconds / 1e6).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
