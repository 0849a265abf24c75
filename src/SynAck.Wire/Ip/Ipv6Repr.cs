using System.Buffers.Binary;

namespace SynAck.Wire.Ip;

/// <summary>The fixed IPv6 header fields a host sets when sending (RFC 8200 §3), emitted without extension headers.</summary>
public readonly record struct Ipv6Repr
{
    /// <summary>Emitted header length.</summary>
    public const int HeaderLength = Ipv6Header.Length;

    public IpAddr Source { get; init; }

    public IpAddr Destination { get; init; }

    /// <summary>Next header (the upper-layer protocol when no extension headers follow).</summary>
    public byte NextHeader { get; init; }

    /// <summary>Bytes after the fixed header.</summary>
    public int PayloadLength { get; init; }

    /// <summary>Hop limit; 64 by default.</summary>
    public byte HopLimit { get; init; } = 64;

    public byte TrafficClass { get; init; }

    /// <summary>20-bit flow label.</summary>
    public uint FlowLabel { get; init; }

    public Ipv6Repr()
    {
    }

    /// <summary>The pseudo-header for the upper-layer checksum.</summary>
    public IpPseudoHeader PseudoHeader => new(Source, Destination, NextHeader, PayloadLength);

    /// <summary>Reads the fixed-header fields from a view.</summary>
    public static ParseStatus TryParse(in Ipv6Header h, out Ipv6Repr r)
    {
        r = new Ipv6Repr
        {
            Source = h.Source,
            Destination = h.Destination,
            NextHeader = h.NextHeader,
            PayloadLength = h.PayloadLength,
            HopLimit = h.HopLimit,
            TrafficClass = h.TrafficClass,
            FlowLabel = h.FlowLabel,
        };
        return ParseStatus.Ok;
    }

    /// <summary>Writes the 40-byte header; returns 40. Throws when the fields cannot be encoded.</summary>
    public int Emit(Span<byte> dest)
    {
        if (dest.Length < HeaderLength)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(dest), HeaderLength);
        }

        if (!Source.IsV6 || !Destination.IsV6)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(Source), "IPv6 header with an IPv4 address.");
        }

        if ((uint)PayloadLength > ushort.MaxValue || FlowLabel > 0xF_FFFF)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(PayloadLength), "IPv6 payload length or flow label out of range.");
        }

        BinaryPrimitives.WriteUInt32BigEndian(dest, (6u << 28) | ((uint)TrafficClass << 20) | FlowLabel);
        BinaryPrimitives.WriteUInt16BigEndian(dest[4..], (ushort)PayloadLength);
        dest[6] = NextHeader;
        dest[7] = HopLimit;
        BinaryPrimitives.WriteUInt128BigEndian(dest[8..], Source.Bits);
        BinaryPrimitives.WriteUInt128BigEndian(dest[24..], Destination.Bits);
        return HeaderLength;
    }
}
