using SynAck.Wire;

namespace SynAck.Capture.PcapNg;

/// <summary>
/// One Interface Description Block as the reader needs it (draft-ietf-opsawg-pcapng §4.2): link type, snaplen
/// and the timestamp conversion from if_tsresol (§4.2 option 9: power of 10, or power of 2 when bit 7 is set)
/// and if_tsoffset (option 14: seconds added to every timestamp).
/// </summary>
public readonly record struct PcapNgInterface
{
    private readonly ulong _multiplier;
    private readonly ulong _divisor;
    private readonly int _shift;

    /// <param name="linkType">LINKTYPE_* value.</param>
    /// <param name="snapLength">0 = no limit.</param>
    /// <param name="tsResolution">Raw if_tsresol byte (6 = microseconds, the default).</param>
    /// <param name="tsOffsetSeconds">Raw if_tsoffset.</param>
    public PcapNgInterface(LinkType linkType, uint snapLength, byte tsResolution = 6, long tsOffsetSeconds = 0)
    {
        LinkType = linkType;
        SnapLength = snapLength;
        TsResolution = tsResolution;
        TsOffsetSeconds = tsOffsetSeconds;
        var exponent = tsResolution & 0x7F;
        if ((tsResolution & 0x80) != 0)
        {
            // 2^-exponent seconds per unit: nanos = units * 1e9 / 2^exponent.
            _shift = exponent;
            _multiplier = 0;
            _divisor = 0;
            TimestampDigits = (byte)Math.Min(9, (int)Math.Ceiling(exponent * 0.30102999566398120));
        }
        else
        {
            _shift = -1;
            if (exponent <= 9)
            {
                _multiplier = Pow10(9 - exponent);
                _divisor = 1;
            }
            else
            {
                _multiplier = 1;
                _divisor = exponent - 9 > 19 ? 0 : Pow10(exponent - 9);
            }

            TimestampDigits = (byte)Math.Min(9, exponent);
        }
    }

    public LinkType LinkType { get; }

    public uint SnapLength { get; }

    public byte TsResolution { get; }

    public long TsOffsetSeconds { get; }

    /// <summary>Decimal digits that show this interface's full time resolution (at most 9).</summary>
    public byte TimestampDigits { get; }

    /// <summary>Converts a block's 64-bit timestamp in this interface's units to nanoseconds since the epoch.</summary>
    public long ToNanos(ulong units)
    {
        ulong nanos;
        if (_shift >= 0)
        {
            nanos = (ulong)(((UInt128)units * 1_000_000_000UL) >> _shift);
        }
        else if (_divisor == 1)
        {
            nanos = unchecked(units * _multiplier);
        }
        else
        {
            nanos = _divisor == 0 ? 0 : units / _divisor;
        }

        return unchecked((long)nanos + (TsOffsetSeconds * 1_000_000_000L));
    }

    /// <summary>The inverse of <see cref="ToNanos"/> (rounding down), for writers.</summary>
    public ulong ToUnits(long timestampNanos)
    {
        var nanos = unchecked((ulong)(timestampNanos - (TsOffsetSeconds * 1_000_000_000L)));
        if (_shift >= 0)
        {
            return (ulong)(((UInt128)nanos << _shift) / 1_000_000_000UL);
        }

        return _divisor == 1 ? nanos / _multiplier : unchecked(nanos * _divisor);
    }

    private static ulong Pow10(int n)
    {
        ulong r = 1;
        for (var i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }
}
