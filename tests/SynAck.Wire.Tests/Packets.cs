using System.Buffers.Binary;
using SynAck.Wire.Ip;
using SynAck.Wire.Tcp;

namespace SynAck.Wire.Tests;

/// <summary>Builds IP packets with the library's emitters (checked separately against golden bytes).</summary>
internal static class Packets
{
    public static readonly IpAddr V4A = IpAddr.Parse("10.1.1.1");
    public static readonly IpAddr V4B = IpAddr.Parse("10.2.2.2");
    public static readonly IpAddr V6A = IpAddr.Parse("fd00::a");
    public static readonly IpAddr V6B = IpAddr.Parse("fd00::b");

    public static TcpRepr Ack => new()
    {
        SourcePort = 1234,
        DestinationPort = 80,
        Seq = new SeqNumber(100),
        Ack = new SeqNumber(200),
        Flags = TcpFlags.Ack,
        Window = 512,
    };

    public static byte[] Segment(TcpRepr r, IpAddr src, IpAddr dst, int payloadLength = 0)
    {
        var payload = new byte[payloadLength];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)i;
        }

        var buf = new byte[r.BufferLength(payloadLength)];
        r.Emit(buf, payload, IpPseudoHeader.ForTcp(src, dst));
        return buf;
    }

    /// <summary>IPv4 with optional options; <paramref name="fragment"/> is the raw flags/offset word.</summary>
    public static byte[] Ipv4(byte[] transport, byte protocol = 6, byte[]? options = null, ushort fragment = 0x4000, int? totalLength = null)
    {
        options ??= [];
        var hl = 20 + options.Length;
        var b = new byte[hl + transport.Length];
        new Ipv4Repr { Source = V4A, Destination = V4B, Protocol = protocol, PayloadLength = transport.Length }.Emit(b);
        b[0] = (byte)(0x40 | (hl / 4));
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), (ushort)(totalLength ?? b.Length));
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(6), fragment);
        options.CopyTo(b, 20);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(10), 0);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(10), InternetChecksum.Compute(b.AsSpan(0, hl)));
        transport.CopyTo(b, hl);
        return b;
    }

    public static byte[] Ipv4Tcp(int payloadLength = 0) => Ipv4(Segment(Ack, V4A, V4B, payloadLength));

    /// <summary>IPv6 whose payload (extension headers included) is <paramref name="payload"/>.</summary>
    public static byte[] Ipv6(byte nextHeader, byte[] payload)
    {
        var b = new byte[40 + payload.Length];
        new Ipv6Repr { Source = V6A, Destination = V6B, NextHeader = nextHeader, PayloadLength = payload.Length }.Emit(b);
        payload.CopyTo(b, 40);
        return b;
    }

    public static byte[] Udp(ushort sport, ushort dport, byte[] payload)
    {
        var b = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(b, sport);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), dport);
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(4), (ushort)b.Length);
        payload.CopyTo(b, 8);
        return b;
    }

    public static byte[] Ipv6Tcp(int payloadLength = 0) => Ipv6(6, Segment(Ack, V6A, V6B, payloadLength));
}
