using System.Buffers.Binary;

namespace SynAck.Wire.Tcp;

public readonly partial record struct TcpRepr
{
    /// <summary>Largest option area (data offset 15).</summary>
    private const int MaxOptionsLength = TcpHeader.MaxLength - TcpHeader.MinLength;

    /// <summary>Header length when emitted: 20 plus the options, padded to a multiple of 4.</summary>
    public int HeaderLength => TcpHeader.MinLength + OptionsLength(out _);

    /// <summary>Bytes <see cref="Emit"/> writes for <paramref name="payloadLength"/> payload bytes.</summary>
    public int BufferLength(int payloadLength) => HeaderLength + payloadLength;

    /// <summary>
    /// Writes header, options and payload into <paramref name="dest"/> and fills the checksum over the pseudo-header
    /// (its <see cref="IpPseudoHeader.Length"/> is replaced by the segment length). Returns the bytes written.
    /// Options use the layout Linux sends (MSS; SACK-permitted + timestamps or NOP NOP timestamps; NOP window scale;
    /// NOP NOP SACK), every multi-byte option 4-byte aligned as RFC 7323 Appendix A suggests. SACK blocks that do
    /// not fit in the 40 option bytes are left out (RFC 2018 §3: at most 3 with timestamps).
    /// </summary>
    public int Emit(Span<byte> dest, ReadOnlySpan<byte> payload, in IpPseudoHeader ph)
    {
        var hl = HeaderLength;
        var total = hl + payload.Length;
        if (dest.Length < total)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(dest), total);
        }

        BinaryPrimitives.WriteUInt16BigEndian(dest, SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(dest[2..], DestinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(dest[4..], Seq.Value);
        BinaryPrimitives.WriteUInt32BigEndian(dest[8..], Ack.Value);
        BinaryPrimitives.WriteUInt16BigEndian(dest[12..], (ushort)(((hl / 4) << 12) | ((int)Flags & 0x1FF)));
        BinaryPrimitives.WriteUInt16BigEndian(dest[14..], Window);
        BinaryPrimitives.WriteUInt16BigEndian(dest[16..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(dest[18..], UrgentPointer);
        WriteOptions(dest[TcpHeader.MinLength..hl]);
        payload.CopyTo(dest[hl..]);

        var sum = InternetChecksum.Sum(dest[..total], InternetChecksum.PseudoHeaderSum(ph with { Length = total }));
        BinaryPrimitives.WriteUInt16BigEndian(dest[16..], InternetChecksum.Finish(sum));
        return total;
    }

    /// <summary>Option bytes emitted, and how many SACK blocks fit.</summary>
    private int OptionsLength(out int sackBlocks)
    {
        var n = 0;
        if (Mss.HasValue)
        {
            n += 4;
        }

        if (Timestamps.HasValue)
        {
            n += 12; // SACK-permitted + TS, or NOP NOP TS
        }
        else if (SackPermitted)
        {
            n += 4; // NOP NOP SACK-permitted
        }

        if (WindowScale.HasValue)
        {
            n += 4; // NOP WS
        }

        sackBlocks = Math.Min(Sack.Count, (MaxOptionsLength - n - 4) / 8);
        if (sackBlocks > 0)
        {
            n += 4 + (8 * sackBlocks); // NOP NOP SACK
        }
        else
        {
            sackBlocks = 0;
        }

        return n;
    }

    private void WriteOptions(Span<byte> o)
    {
        const byte Nop = (byte)TcpOptionKind.NoOperation;
        OptionsLength(out var sackBlocks);
        var p = 0;
        if (Mss is { } mss)
        {
            o[p++] = (byte)TcpOptionKind.Mss;
            o[p++] = 4;
            BinaryPrimitives.WriteUInt16BigEndian(o[p..], mss);
            p += 2;
        }

        if (Timestamps is { } ts)
        {
            if (SackPermitted)
            {
                o[p++] = (byte)TcpOptionKind.SackPermitted;
                o[p++] = 2;
            }
            else
            {
                o[p++] = Nop;
                o[p++] = Nop;
            }

            o[p++] = (byte)TcpOptionKind.Timestamps;
            o[p++] = 10;
            BinaryPrimitives.WriteUInt32BigEndian(o[p..], ts.TsVal);
            BinaryPrimitives.WriteUInt32BigEndian(o[(p + 4)..], ts.TsEcr);
            p += 8;
        }
        else if (SackPermitted)
        {
            o[p++] = Nop;
            o[p++] = Nop;
            o[p++] = (byte)TcpOptionKind.SackPermitted;
            o[p++] = 2;
        }

        if (WindowScale is { } ws)
        {
            o[p++] = Nop;
            o[p++] = (byte)TcpOptionKind.WindowScale;
            o[p++] = 3;
            o[p++] = ws;
        }

        if (sackBlocks > 0)
        {
            o[p++] = Nop;
            o[p++] = Nop;
            o[p++] = (byte)TcpOptionKind.Sack;
            o[p++] = (byte)(2 + (8 * sackBlocks));
            for (var i = 0; i < sackBlocks; i++)
            {
                var (l, r) = Sack[i];
                BinaryPrimitives.WriteUInt32BigEndian(o[p..], l.Value);
                BinaryPrimitives.WriteUInt32BigEndian(o[(p + 4)..], r.Value);
                p += 8;
            }
        }
    }
}
