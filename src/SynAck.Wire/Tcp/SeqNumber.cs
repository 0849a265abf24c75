namespace SynAck.Wire.Tcp;

/// <summary>
/// A TCP sequence or acknowledgment number: arithmetic is modulo 2^32 (RFC 9293 §3.4).
/// Deliberately not <see cref="IComparable{T}"/>: wrapping comparison is not transitive, so ordering
/// is only meaningful between numbers less than 2^31 apart and is spelled out by the named methods.
/// </summary>
public readonly record struct SeqNumber(uint Value)
{
    /// <summary>This number plus <paramref name="n"/>, wrapping past 2^32.</summary>
    public SeqNumber Add(uint n) => new(unchecked(Value + n));

    /// <summary>This number plus a signed offset, wrapping in either direction.</summary>
    public SeqNumber Add(int n) => new(unchecked(Value + (uint)n));

    /// <summary>Signed distance from <paramref name="other"/> to this number: <c>this - other</c> as an int (RFC 9293 §3.4).</summary>
    public int DistanceFrom(SeqNumber other) => unchecked((int)(Value - other.Value));

    /// <summary>True when this number comes strictly before <paramref name="other"/> (the RFC's "&lt;").</summary>
    public bool IsBefore(SeqNumber other) => unchecked((int)(Value - other.Value)) < 0;

    /// <summary>True when this number comes before or equals <paramref name="other"/> (the RFC's "=&lt;").</summary>
    public bool IsBeforeOrEqual(SeqNumber other) => unchecked((int)(Value - other.Value)) <= 0;

    /// <summary>True when this number comes strictly after <paramref name="other"/>.</summary>
    public bool IsAfter(SeqNumber other) => unchecked((int)(Value - other.Value)) > 0;

    /// <summary>True when this number comes after or equals <paramref name="other"/>.</summary>
    public bool IsAfterOrEqual(SeqNumber other) => unchecked((int)(Value - other.Value)) >= 0;

    /// <summary>True when start &lt;= this &lt; end, modulo 2^32; an empty range (start == end) holds nothing.</summary>
    public bool InRange(SeqNumber start, SeqNumber end) => unchecked(Value - start.Value) < unchecked(end.Value - start.Value);

    /// <summary>True when start &lt;= this &lt; start + size (RFC 9293 §3.10.7.4 acceptability windows).</summary>
    public bool InWindow(SeqNumber start, uint size) => unchecked(Value - start.Value) < size;

    /// <summary>The later of two numbers (wrapping comparison).</summary>
    public static SeqNumber Max(SeqNumber a, SeqNumber b) => a.IsBefore(b) ? b : a;

    /// <summary>The earlier of two numbers (wrapping comparison).</summary>
    public static SeqNumber Min(SeqNumber a, SeqNumber b) => a.IsBefore(b) ? a : b;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
