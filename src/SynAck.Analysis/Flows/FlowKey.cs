using SynAck.Wire;

namespace SynAck.Analysis.Flows;

/// <summary>
/// A TCP 4-tuple in canonical (symmetric) order: the lower (address, port) pair first, so both directions of a
/// connection map to the same key. Unmanaged and allocation-free; used as the flow table's dictionary key.
/// </summary>
public readonly struct FlowKey : IEquatable<FlowKey>
{
    private readonly UInt128 _lowAddress;
    private readonly UInt128 _highAddress;
    private readonly ushort _lowPort;
    private readonly ushort _highPort;
    private readonly bool _isV6;

    private FlowKey(UInt128 lowAddress, ushort lowPort, UInt128 highAddress, ushort highPort, bool isV6)
    {
        _lowAddress = lowAddress;
        _lowPort = lowPort;
        _highAddress = highAddress;
        _highPort = highPort;
        _isV6 = isV6;
    }

    /// <summary>The key of the flow between (a, aPort) and (b, bPort), whichever direction the packet travels.</summary>
    public static FlowKey Create(IpAddr a, ushort aPort, IpAddr b, ushort bPort)
    {
        var aFirst = a.Bits < b.Bits || (a.Bits == b.Bits && aPort <= bPort);
        return aFirst
            ? new FlowKey(a.Bits, aPort, b.Bits, bPort, a.IsV6)
            : new FlowKey(b.Bits, bPort, a.Bits, aPort, a.IsV6);
    }

    /// <summary>The lower endpoint's address.</summary>
    public IpAddr LowAddress => _isV6 ? IpAddr.FromV6(_lowAddress) : IpAddr.FromV4((uint)_lowAddress);

    /// <summary>The higher endpoint's address.</summary>
    public IpAddr HighAddress => _isV6 ? IpAddr.FromV6(_highAddress) : IpAddr.FromV4((uint)_highAddress);

    /// <summary>The lower endpoint's port.</summary>
    public ushort LowPort => _lowPort;

    /// <summary>The higher endpoint's port.</summary>
    public ushort HighPort => _highPort;

    public bool Equals(FlowKey other) =>
        _lowAddress == other._lowAddress && _highAddress == other._highAddress && _lowPort == other._lowPort &&
        _highPort == other._highPort && _isV6 == other._isV6;

    public override bool Equals(object? obj) => obj is FlowKey other && Equals(other);

    public override int GetHashCode()
    {
        // Hand-rolled mix (System.HashCode is seeded per process, which would make table order, and with it
        // nothing observable, differ; this keeps runs reproducible and is cheaper for four machine words).
        var h = (ulong)_lowAddress ^ ((ulong)(_lowAddress >> 64) * 0x9E3779B97F4A7C15UL);
        h ^= ((ulong)_highAddress + 0x632BE59BD9B4E019UL) * 0xC2B2AE3D27D4EB4FUL;
        h ^= (ulong)(_highAddress >> 64) * 0x165667B19E3779F9UL;
        h ^= ((ulong)_lowPort << 16 | _highPort | (_isV6 ? 1UL << 40 : 0)) * 0x27D4EB2F165667C5UL;
        h ^= h >> 29;
        return (int)h ^ (int)(h >> 32);
    }

    public static bool operator ==(FlowKey left, FlowKey right) => left.Equals(right);

    public static bool operator !=(FlowKey left, FlowKey right) => !left.Equals(right);

    public override string ToString() => $"{LowAddress}:{LowPort}-{HighAddress}:{HighPort}";
}
