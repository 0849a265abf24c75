using System.Runtime.CompilerServices;
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

    private FlowKey(ulong lowUpper, ulong lowLower, ushort lowPort, ulong highUpper, ulong highLower, ushort highPort, bool isV6)
    {
        _lowUpper = lowUpper;
        _lowLower = lowLower;
        _lowPort = lowPort;
        _highUpper = highUpper;
        _highLower = highLower;
        _highPort = highPort;
        _isV6 = isV6;
    }

    /// <summary>The key of the flow between (a, aPort) and (b, bPort), whichever direction the packet travels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FlowKey Create(in IpAddr a, ushort aPort, in IpAddr b, ushort bPort)
    {
        // Which endpoint comes first depends on the packet's direction, which alternates unpredictably: the order is
        // computed without branches (non-short-circuit operators) and applied by selects, not by two constructor
        // calls behind a mispredicted branch (the key's creation was 7 % of a run).
        ulong au = a.UpperBits, al = a.LowerBits, bu = b.UpperBits, bl = b.LowerBits;
        var aFirst = (au < bu) | ((au == bu) & ((al < bl) | ((al == bl) & (aPort <= bPort))));
        return new FlowKey(
            aFirst ? au : bu, aFirst ? al : bl, aFirst ? aPort : bPort,
            aFirst ? bu : au, aFirst ? bl : al, aFirst ? bPort : aPort,
            a.IsV6);
    }

    /// <summary>The lower endpoint's address.</summary>
    public IpAddr LowAddress => _isV6 ? IpAddr.FromV6(new UInt128(_lowUpper, _lowLower)) : IpAddr.FromV4((uint)_lowLower);

    /// <summary>The higher endpoint's address.</summary>
    public IpAddr HighAddress => _isV6 ? IpAddr.FromV6(new UInt128(_highUpper, _highLower)) : IpAddr.FromV4((uint)_highLower);

    /// <summary>The lower endpoint's port.</summary>
    public ushort LowPort => _lowPort;

    /// <summary>The higher endpoint's port.</summary>
    public ushort HighPort => _highPort;

    /// <summary>
    /// Whether <paramref name="address"/>:<paramref name="port"/> is the key's low endpoint (else its high one):
    /// which side sent a segment of the connection, without storing the sides' addresses again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsLowEndpoint(in IpAddr address, ushort port) =>
        (address.LowerBits == _lowLower) & (port == _lowPort) & (address.UpperBits == _lowUpper);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(FlowKey other) =>
        _lowLower == other._lowLower && _highLower == other._highLower && _lowPort == other._lowPort &&
        _highPort == other._highPort && _lowUpper == other._lowUpper && _highUpper == other._highUpper &&
        _isV6 == other._isV6;

    public override bool Equals(object? obj) => obj is FlowKey other && Equals(other);

    public override int GetHashCode() => Mix(_lowUpper, _lowLower, _lowPort, _highUpper, _highLower, _highPort, _isV6);

    /// <summary>
    /// <see cref="Create"/>(a, aPort, b, bPort).<see cref="GetHashCode"/> for IPv4 addresses (host order), without
    /// building the key: the multi-threaded scan hashes every packet of the capture on every thread to find its
    /// owner, and building the 40-byte key only to hash it was a sixteenth of a thread's time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HashV4(uint a, ushort aPort, uint b, ushort bPort)
    {
        var aFirst = (a < b) | ((a == b) & (aPort <= bPort));
        return Mix(0, aFirst ? a : b, aFirst ? aPort : bPort, 0, aFirst ? b : a, aFirst ? bPort : aPort, false);
    }

    // Hand-rolled mix (System.HashCode is seeded per process, which would make table order, and with it
    // nothing observable, differ; this keeps runs reproducible and is cheaper for four machine words).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Mix(ulong lowUpper, ulong lowLower, ushort lowPort, ulong highUpper, ulong highLower, ushort highPort, bool isV6)
    {
        var h = lowLower ^ (lowUpper * 0x9E3779B97F4A7C15UL);
        h ^= (highLower + 0x632BE59BD9B4E019UL) * 0xC2B2AE3D27D4EB4FUL;
        h ^= highUpper * 0x165667B19E3779F9UL;
        h ^= ((ulong)lowPort << 16 | highPort | (isV6 ? 1UL << 40 : 0)) * 0x27D4EB2F165667C5UL;
        h ^= h >> 29;
        return (int)h ^ (int)(h >> 32);
    }

    public static bool operator ==(FlowKey left, FlowKey right) => left.Equals(right);

    public static bool operator !=(FlowKey left, FlowKey right) => !left.Equals(right);

    public override string ToString() => $"{LowAddress}:{LowPort}-{HighAddress}:{HighPort}";
}
