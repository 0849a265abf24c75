using FsCheck.Xunit;
using SynAck.Wire.Tcp;

namespace SynAck.Wire.Tests;

public sealed class Properties
{
    private static readonly LinkType[] s_links =
    [
        LinkType.Null, LinkType.Ethernet, LinkType.RawBsd, LinkType.RawOpenBsd, LinkType.Raw, LinkType.Loop,
        LinkType.LinuxSll, LinkType.Ipv4, LinkType.Ipv6, LinkType.LinuxSll2, (LinkType)147,
    ];

    [Property(MaxTest = 500)]
    public bool Decode_AnyBytes_NeverThrowsProperty(byte[] bytes)
    {
        foreach (var link in s_links)
        {
            var status = PacketDecoder.Decode(link, bytes, out var p);
            if (status != p.Status || !Consistent(p, bytes.Length))
            {
                return false;
            }

            status = PacketDecoder.Decode(link, bytes, DecodeOptions.FollowTunnels, out p);
            if (status != p.Status || !Consistent(p, bytes.Length))
            {
                return false;
            }

            PacketChecksums.TryVerifyIpv4Header(p, out _);
            PacketChecksums.TryVerifyTcp(p, out _);
            if (p.HasTcp)
            {
                TcpRepr.TryParse(p.Tcp, out _);
            }
        }

        return true;
    }

    /// <summary>Invariants any decode result keeps, whatever the input.</summary>
    private static bool Consistent(in DecodedPacket p, int frameLength) =>
        (p.Status != ParseStatus.Ok || p.HasTcp)
        && (!p.HasTcp || p.Status is ParseStatus.Ok or ParseStatus.Truncated)
        && p.Ip.Length <= frameLength - p.LinkHeaderLength
        && p.Transport.Length <= p.Ip.Length
        && (!p.HasTcp || (p.Tcp.IsHeaderComplete == (p.Status == ParseStatus.Ok) && p.TcpPayloadLength >= 0 && p.Tcp.Payload.Length <= p.TcpPayloadLength))
        && (p.IpVersion is 0 or 4 or 6);

    [Property(MaxTest = 300)]
    public bool Decode_MutatedGoldenFrame_NeverThrowsProperty(int seed)
    {
        // Byte flips and cuts at seeded offsets of real-shaped frames (every header present).
        var rng = new Random(seed);
        var frames = new[]
        {
            (LinkType.Ethernet, Golden.Bytes(Golden.EthernetIpv4Syn)),
            (LinkType.Raw, Golden.Bytes(Golden.RawIpv6Data)),
            (LinkType.Ethernet, Frames.Ethernet(0x88A8, Golden.Bytes("0064810000c88847" + "00011140" + "00000000"), Frames.Ethernet(0x0800, Packets.Ipv4Tcp(5)))),
            (LinkType.Raw, Packets.Ipv4(Packets.Udp(5000, 4789, Frames.Concat(Golden.Bytes("0800000000123400"), Frames.Ethernet(0x86DD, Packets.Ipv6(44, Frames.Concat(Golden.Bytes("0600000112345678"), Packets.Segment(Packets.Ack with { Mss = 1200, Timestamps = (1u, 2u) }, Packets.V6A, Packets.V6B, 5)))))), protocol: 17)),
        };
        foreach (var (link, original) in frames)
        {
            var f = (byte[])original.Clone();
            for (var k = rng.Next(1, 6); k > 0; k--)
            {
                f[rng.Next(f.Length)] = (byte)rng.Next(256);
            }

            var cut = f.AsSpan(0, rng.Next(f.Length + 1));
            PacketDecoder.Decode(link, cut, DecodeOptions.FollowTunnels, out var p);
            if (!Consistent(p, cut.Length))
            {
                return false;
            }

            if (p.HasTcp)
            {
                TcpRepr.TryParse(p.Tcp, out _);
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool TcpRepr_ParseOfEmit_RoundTripsProperty(
        ushort sport, ushort dport, uint seq, uint ack, ushort flagBits, ushort window, ushort urgent,
        bool hasMss, ushort mss, bool hasWs, byte ws, bool sackOk, bool hasTs, uint tsVal, uint tsEcr, byte sackCount, uint edge)
    {
        var other = (hasMss ? 4 : 0) + (hasTs ? 12 : sackOk ? 4 : 0) + (hasWs ? 4 : 0);
        var maxBlocks = Math.Min(SackBlocks.Capacity, (40 - other - 4) / 8);
        var sack = default(SackBlocks);
        for (var i = 0; i < sackCount % (maxBlocks + 1); i++)
        {
            sack = sack.Add(new SeqNumber(edge + (uint)(i * 1000)), new SeqNumber(edge + (uint)(i * 1000) + 500));
        }

        var r = new TcpRepr
        {
            SourcePort = sport,
            DestinationPort = dport,
            Seq = new SeqNumber(seq),
            Ack = new SeqNumber(ack),
            Flags = (TcpFlags)(flagBits & 0x1FF),
            Window = window,
            UrgentPointer = urgent,
            Mss = hasMss ? mss : null,
            WindowScale = hasWs ? ws : null,
            SackPermitted = sackOk,
            Timestamps = hasTs ? (tsVal, tsEcr) : null,
            Sack = sack,
        };
        var buf = new byte[r.HeaderLength + 3];
        var ph = IpPseudoHeader.ForTcp(IpAddr.FromV4(seq), IpAddr.FromV4(ack));
        var n = r.Emit(buf, "abc"u8, ph);
        return n == buf.Length
            && TcpHeader.TryRead(buf, out var h) == ParseStatus.Ok
            && h.HeaderLength == r.HeaderLength
            && TcpRepr.TryParse(h, out var back) == ParseStatus.Ok
            && back == r;
    }

    [Property(MaxTest = 300)]
    public bool Checksum_EmittedSegment_VerifiesProperty(byte[] payload, ulong hi, ulong lo, bool v6, uint seq)
    {
        payload ??= [];
        var src = v6 ? IpAddr.FromV6(new UInt128(hi, lo)) : IpAddr.FromV4((uint)lo);
        var dst = v6 ? IpAddr.FromV6(new UInt128(lo, hi)) : IpAddr.FromV4((uint)hi);
        var r = Packets.Ack with { Seq = new SeqNumber(seq), Timestamps = (seq, 7u) };
        var buf = new byte[r.BufferLength(payload.Length)];
        var n = r.Emit(buf, payload, IpPseudoHeader.ForTcp(src, dst));
        var ph = IpPseudoHeader.ForTcp(src, dst, n);
        var ok = InternetChecksum.VerifyWithPseudoHeader(ph, buf);
        buf[n / 2] ^= 0x10;
        return ok && !InternetChecksum.VerifyWithPseudoHeader(ph, buf);
    }

    [Property(MaxTest = 500)]
    public bool IpAddr_FormatThenParse_RoundTripsProperty(ulong hi, ulong lo, bool v6)
    {
        var a = v6 ? IpAddr.FromV6(new UInt128(hi, lo)) : IpAddr.FromV4((uint)lo);
        return IpAddr.TryParse(a.ToString(), out var back) && back == a;
    }

    [Property(MaxTest = 300)]
    public bool IpAddr_AnyText_NeverThrowsProperty(string? text)
    {
        return IpAddr.TryParse(text, out var a)
            ? IpAddr.TryParse(a.ToString(), out var again) && again == a
            : a == default;
    }
}
