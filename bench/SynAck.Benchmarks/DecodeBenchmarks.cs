using BenchmarkDotNet.Attributes;
using SynAck.Wire;
using SynAck.Wire.Ip;
using SynAck.Wire.Tcp;

namespace SynAck.Benchmarks;

/// <summary>
/// Decoding one realistic Ethernet/IPv4/TCP frame (timestamps + SACK options, 100 payload bytes). The decoder and
/// the option readers must show 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private byte[] _frame = [];

    [GlobalSetup]
    public void Setup()
    {
        var src = IpAddr.Parse("192.168.1.10");
        var dst = IpAddr.Parse("10.0.0.1");
        var tcp = new TcpRepr
        {
            SourcePort = 51234,
            DestinationPort = 443,
            Seq = new SeqNumber(0x12345678),
            Ack = new SeqNumber(0x9ABCDEF0),
            Flags = TcpFlags.Ack | TcpFlags.Psh,
            Window = 501,
            Timestamps = (123456u, 654321u),
            Sack = default(SackBlocks).Add(new SeqNumber(1000), new SeqNumber(2000)),
        };
        var payload = new byte[100];
        var frame = new byte[14 + 20 + tcp.BufferLength(payload.Length)];
        frame[12] = 0x08;
        new Ipv4Repr { Source = src, Destination = dst, Protocol = 6, PayloadLength = tcp.BufferLength(payload.Length), DontFragment = true }
            .Emit(frame.AsSpan(14));
        tcp.Emit(frame.AsSpan(34), payload, IpPseudoHeader.ForTcp(src, dst));
        _frame = frame;
    }

    [Benchmark(Baseline = true)]
    public int Decode()
    {
        PacketDecoder.Decode(LinkType.Ethernet, _frame, out var p);
        return p.TcpPayloadLength + p.Tcp.SourcePort;
    }

    [Benchmark]
    public uint DecodeAndReadOptions()
    {
        PacketDecoder.Decode(LinkType.Ethernet, _frame, out var p);
        var options = p.Tcp.Options;
        options.TryGetTimestamps(out var tsVal, out _);
        options.TryGetSackBlocks(out var sack);
        return tsVal + (uint)sack.Count;
    }

    [Benchmark]
    public int DecodeToRepr()
    {
        PacketDecoder.Decode(LinkType.Ethernet, _frame, out var p);
        TcpRepr.TryParse(p.Tcp, out var r);
        return r.Window;
    }

    [Benchmark]
    public bool DecodeAndVerifyChecksums()
    {
        PacketDecoder.Decode(LinkType.Ethernet, _frame, out var p);
        PacketChecksums.TryVerifyIpv4Header(p, out var ipOk);
        PacketChecksums.TryVerifyTcp(p, out var tcpOk);
        return ipOk & tcpOk;
    }

    [Benchmark]
    public int FormatSourceAddress()
    {
        PacketDecoder.Decode(LinkType.Ethernet, _frame, out var p);
        Span<byte> text = stackalloc byte[IpAddr.MaxTextLength];
        p.Source.TryFormat(text, out var n);
        return n;
    }
}
