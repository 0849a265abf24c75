using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace SynAck.Wire;

/// <summary>
/// An IPv4 or IPv6 address as an unmanaged value: 128 bits plus a family flag, IPv4 in the low 32 bits.
/// Used instead of <see cref="System.Net.IPAddress"/>, which is a mutable class and allocates per IPv6 address.
/// Text is IPv4 dotted quad or IPv6 per RFC 5952 (the same text tshark and Zeek print).
/// </summary>
public readonly partial struct IpAddr : IEquatable<IpAddr>, IComparable<IpAddr>, ISpanFormattable, IUtf8SpanFormattable
{
    // Two 64-bit halves rather than one UInt128: a UInt128 field aligns the struct to 16 bytes and pads it to 32,
    // where the halves give 24. Addresses are copied into every decoded segment (two, four when tunnelled) and stored
    // twice per tracked connection, so the 8 bytes are a measurable share of the per-packet copies.
    private readonly ulong _low;
    private readonly ulong _high;
    private readonly bool _isV6;

    private IpAddr(UInt128 bits, bool isV6)
        : this((ulong)(bits >> 64), (ulong)bits, isV6)
    {
    }

    // The halves directly: UInt128's shift is a call, and FromV4 runs for both addresses of every IPv4 packet.
    private IpAddr(ulong high, ulong low, bool isV6)
    {
        _high = high;
        _low = low;
        _isV6 = isV6;
    }

    /// <summary>0.0.0.0.</summary>
    public static IpAddr AnyV4 => default;

    /// <summary>The IPv6 unspecified address <c>::</c>.</summary>
    public static IpAddr AnyV6 => new(UInt128.Zero, true);

    /// <summary>An IPv4 address from its 32-bit value in host order (<c>0x7F000001</c> is 127.0.0.1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IpAddr FromV4(uint hostOrder) => new(0UL, hostOrder, false);

    /// <summary>An IPv4 address from four bytes in network order.</summary>
    public static IpAddr FromV4(ReadOnlySpan<byte> four)
    {
        if (four.Length < 4)
        {
            ThrowHelper.ThrowSourceTooShort(nameof(four), 4);
        }

        return new(0UL, BinaryPrimitives.ReadUInt32BigEndian(four), false);
    }

    /// <summary>An IPv6 address from sixteen bytes in network order.</summary>
    public static IpAddr FromV6(ReadOnlySpan<byte> sixteen)
    {
        if (sixteen.Length < 16)
        {
            ThrowHelper.ThrowSourceTooShort(nameof(sixteen), 16);
        }

        return new(BinaryPrimitives.ReadUInt64BigEndian(sixteen), BinaryPrimitives.ReadUInt64BigEndian(sixteen[8..]), true);
    }

    /// <summary>An IPv6 address from its 128-bit value (most significant bits first on the wire).</summary>
    public static IpAddr FromV6(UInt128 bits) => new(bits, true);

    /// <summary>True for IPv6, false for IPv4.</summary>
    public bool IsV6 => _isV6;

    /// <summary>The IPv4 address in host order (the low 32 bits; meaningless for IPv6).</summary>
    public uint V4 => (uint)_low;

    /// <summary>The address bits; IPv4 occupies the low 32.</summary>
    public UInt128 Bits => new(_high, _low);

    /// <summary>The upper 64 of <see cref="Bits"/> (0 for IPv4).</summary>
    public ulong UpperBits => _high;

    /// <summary>The lower 64 of <see cref="Bits"/>.</summary>
    public ulong LowerBits => _low;

    /// <summary>4 for IPv4, 16 for IPv6.</summary>
    public int ByteLength => _isV6 ? 16 : 4;

    /// <summary>Writes the address in network order; false when <paramref name="dest"/> is too short.</summary>
    public bool TryWriteBytes(Span<byte> dest, out int written)
    {
        if (_isV6)
        {
            if (BinaryPrimitives.TryWriteUInt128BigEndian(dest, Bits))
            {
                written = 16;
                return true;
            }
        }
        else if (BinaryPrimitives.TryWriteUInt32BigEndian(dest, (uint)_low))
        {
            written = 4;
            return true;
        }

        written = 0;
        return false;
    }

    // Without short-circuits: comparing a packet's address with a connection's first endpoint is a coin toss (the
    // packet's direction), and one well-predicted compare costs less than a mispredicted branch.
    public bool Equals(IpAddr other) => (_low == other._low) & (_high == other._high) & (_isV6 == other._isV6);

    public override bool Equals(object? obj) => obj is IpAddr other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Bits, _isV6);

    /// <summary>IPv4 before IPv6, then numeric order.</summary>
    public int CompareTo(IpAddr other) =>
        _isV6 != other._isV6 ? (_isV6 ? 1 : -1) : Bits.CompareTo(other.Bits);

    public static bool operator ==(IpAddr left, IpAddr right) => left.Equals(right);

    public static bool operator !=(IpAddr left, IpAddr right) => !left.Equals(right);

    public static bool operator <(IpAddr left, IpAddr right) => left.CompareTo(right) < 0;

    public static bool operator <=(IpAddr left, IpAddr right) => left.CompareTo(right) <= 0;

    public static bool operator >(IpAddr left, IpAddr right) => left.CompareTo(right) > 0;

    public static bool operator >=(IpAddr left, IpAddr right) => left.CompareTo(right) >= 0;
}
