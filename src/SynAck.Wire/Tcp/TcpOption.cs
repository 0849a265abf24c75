using System.Buffers.Binary;

namespace SynAck.Wire.Tcp;

/// <summary>
/// One TCP option as found by <see cref="TcpOptions.Enumerator"/>: kind, total length (1 for EOL/NOP) and the bytes
/// after kind and length. The typed readers return false when the kind or length is not the one the RFC requires.
/// </summary>
public readonly ref struct TcpOption
{
    /// <summary>The ExID of the experimental Fast Open option before kind 34 was assigned (RFC 7413 §4.1.1).</summary>
    public const ushort FastOpenExperimentId = 0xF989;

    public TcpOption(TcpOptionKind kind, int length, ReadOnlySpan<byte> data)
    {
        Kind = kind;
        Length = length;
        Data = data;
    }

    public TcpOptionKind Kind { get; }

    /// <summary>Total length on the wire: 1 for EOL and NOP, otherwise the length byte.</summary>
    public int Length { get; }

    /// <summary>The option value (after kind and length).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>MSS value (RFC 9293 §3.7.1); the option must be 4 bytes long.</summary>
    public bool TryGetMss(out ushort mss)
    {
        if (Kind == TcpOptionKind.Mss && Length == 4)
        {
            mss = BinaryPrimitives.ReadUInt16BigEndian(Data);
            return true;
        }

        mss = 0;
        return false;
    }

    /// <summary>Window scale shift count as sent (RFC 7323 §2.2; values above 14 are the receiver's to clamp).</summary>
    public bool TryGetWindowScale(out byte shift)
    {
        if (Kind == TcpOptionKind.WindowScale && Length == 3)
        {
            shift = Data[0];
            return true;
        }

        shift = 0;
        return false;
    }

    /// <summary>True for a well-formed SACK-permitted option (RFC 2018 §2).</summary>
    public bool IsSackPermitted => Kind == TcpOptionKind.SackPermitted && Length == 2;

    /// <summary>TSval and TSecr (RFC 7323 §3.2); the option must be 10 bytes long.</summary>
    public bool TryGetTimestamps(out uint tsVal, out uint tsEcr)
    {
        if (Kind == TcpOptionKind.Timestamps && Length == 10)
        {
            tsVal = BinaryPrimitives.ReadUInt32BigEndian(Data);
            tsEcr = BinaryPrimitives.ReadUInt32BigEndian(Data[4..]);
            return true;
        }

        tsVal = tsEcr = 0;
        return false;
    }

    /// <summary>The SACK blocks (RFC 2018 §3): length 2 + 8n with 1 &lt;= n &lt;= 4.</summary>
    public bool TryGetSackBlocks(out SackBlocks blocks)
    {
        blocks = default;
        var n = (Length - 2) / 8;
        if (Kind != TcpOptionKind.Sack || (Length - 2) % 8 != 0 || n < 1 || n > SackBlocks.Capacity)
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            var d = Data[(8 * i)..];
            blocks = blocks.Add(
                new SeqNumber(BinaryPrimitives.ReadUInt32BigEndian(d)),
                new SeqNumber(BinaryPrimitives.ReadUInt32BigEndian(d[4..])));
        }

        return true;
    }

    /// <summary>
    /// The Fast Open cookie (RFC 7413 §4.1.1): kind 34, or kind 254 with ExID 0xF989. An empty cookie is a cookie
    /// request. A cookie is at most 16 bytes; longer values are rejected.
    /// </summary>
    public bool TryGetFastOpenCookie(out ReadOnlySpan<byte> cookie)
    {
        cookie = default;
        if (Kind == TcpOptionKind.FastOpen)
        {
            cookie = Data;
        }
        else if (Kind == TcpOptionKind.Experimental2 && Data.Length >= 2
                 && BinaryPrimitives.ReadUInt16BigEndian(Data) == FastOpenExperimentId)
        {
            cookie = Data[2..];
        }
        else
        {
            return false;
        }

        return cookie.Length <= 16;
    }
}
