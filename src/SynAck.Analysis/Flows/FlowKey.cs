using SynAck.Wire;

namespace SynAck.Analysis.Flows;

/// <summary>
/// A TCP 4-tuple in canonical (symmetric) order: the lower (address, port) pair first, so both directions of a
/// connection map to the same key. Unmanaged and allocation-free; used as the flow table's dictionary key.
/// </summary>
public readonly struct FlowKey : IEquatable<FlowKey>
{
    // Addresses as 64-bit halves, not UInt128: a UInt128 field aligns the key to 16 bytes (48 instead of 40), and
    // its comparisons and shifts are calls, in a key built, hashed and compared for every segment.
    private readonly ulong _lowUpper;
    private readonly ulong _lowLower;
    private readonly ulong _highUpper;
    private readonly ulong _highLower;
    private readonly ushort _lowPort;
    private readonly ushort _highPort;
    private readonly bool _isV6;

    private FlowKey(IpAddr low, ushort lowPort, IpAddr high, ushort highPort, bool isV6)
    {
        _lowUpper = low.UpperBits;
        _lowLower = low.LowerBits;
        _lowPort = lowPort;
        _highUpper = high.UpperBits;
        _highLower = high.LowerBits;
        _highPort = highPort;
        _isV6 = isV6;
    }

    /// <summary>The key of the flow between (a, aPort) and (b, bPort), whichever direction the packet travels.</summary>
    public static FlowKey Create(IpAddr a, ushort aPort, IpAddr b, ushort bPort)
    {
        var aFirst = a.UpperBits != b.UpperBits
            ? a.UpperBits < b.UpperBits
            : a.LowerBits != b.LowerBits ? a.LowerBits < b.LowerBits : aPort <= bPort;
        return aFirst
            ? new FlowKey(a, aPort, b, bPort, a.IsV6)
            : new FlowKey(b, bPort, a, aPort, a.IsV6);
    }

    /// <summary>The lower endpoint's address.</summary>
    public IpAddr LowAddress => _isV6 ? IpAddr.FromV6(new UInt128(_lowUpper, _lowLower)) : IpAddr.FromV4((uint)_lowLower);

    /// <summary>The higher endpoint's address.</summary>
    public IpAddr HighAddress => _isV6 ? IpAddr.FromV6(new UInt128(_highUpper, _highLower)) : IpAddr.FromV4((uint)_highLower);

    /// <summary>The lower endpoint's port.</summary>
    public ushort LowPort => _lowPort;

    /// <summary>The higher endpoint's port.</summary>
    public ushort HighPort => _highPort;

    public bool Equals(FlowKey other) =>
        _lowLower == other._lowLower && _highLower == other._highLower && _lowPort == other._lowPort &&
        _highPort == other._highPort && _lowUpper == other._lowUpper && _highUpper == other._highUpper &&
        _isV6 == other._isV6;

    public override bool Equals(object? obj) => obj is FlowKey other && Equals(other);

    public override int GetHashCode()
    {
        // Hand-rolled mix (System.HashCode is seeded per process, which would make table order, and with it
        // nothing observable, differ; this keeps runs reproducible and is cheaper for four machine words).
        var h = _lowLower ^ (_lowUpper * 0x9E3779B97F4A7C15UL);
        h ^= (_highLower + 0x632BE59BD9B4E019UL) * 0xC2B2AE3D27D4EB4FUL;
        h ^= _highUpper * 0x165667B19E3779F9UL;
        h ^= ((ulong)_lowPort << 16 | _highPort | (_isV6 ? 1UL << 40 : 0)) * 0x27D4EB2F165667C5UL;
        h ^= h >> 29;
        return (int)h ^ (int)(h >> 32);
    }

    public static bool operator ==(FlowKey left, FlowKey right) => left.Equals(right);

    public static bool operator !=(FlowKey left, FlowKey right) => !left.Equals(right);

    public override string ToString() => $"{LowAddress}:{LowPort}-{HighAddress}:{HighPort}";
}
