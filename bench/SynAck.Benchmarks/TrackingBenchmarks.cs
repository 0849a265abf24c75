using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using SynAck.Analysis.Input;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Wire;
using SynAck.Wire.Ip;
using SynAck.Wire.Tcp;

namespace SynAck.Benchmarks;

/// <summary>
/// Decode + track in steady state: an established connection carrying data one way and ACKs the other, each
/// frame decoded by <see cref="PacketDecoder"/>, turned into a <see cref="TcpSegment"/> and fed to the tracker.
/// Must show 0 B allocated per packet (connections allocate their record when they end, never per packet).
/// <see cref="FastDecodeAndTrack"/> is the same with the plain-frame fast path the capture commands take for
/// Ethernet/IPv4/TCP (<see cref="FastSegment"/>: bytes straight to the segment).
/// </summary>
[MemoryDiagnoser]
public class TrackingBenchmarks
{
    private const int Packets = 1024;
    private const int SeqOffset = 14 + 20 + 4;
    private const int AckOffset = 14 + 20 + 8;
    private static readonly IpAddr s_client = IpAddr.FromV4(0x0A000001);
    private static readonly IpAddr s_server = IpAddr.FromV4(0x0A000002);

    private byte[] _data = [];
    private byte[] _ack = [];
    private ConnectionTracker _tracker = null!;
    private uint _clientSeq;
    private uint _serverSeq;
    private long _now;
    private long _frame;

    [GlobalSetup]
    public void Setup()
    {
        _tracker = new ConnectionTracker(new TrackerOptions(), new DiscardSink());
        _now = 1_700_000_000_000_000_000;
        _clientSeq = 1000;
        _serverSeq = 5000;
        Feed(Frame(s_client, s_server, 40000, 443, TcpFlags.Syn, _clientSeq, 0, 0));
        Feed(Frame(s_server, s_client, 443, 40000, TcpFlags.Syn | TcpFlags.Ack, _serverSeq, _clientSeq + 1, 0));
        _clientSeq++;
        _serverSeq++;
        Feed(Frame(s_client, s_server, 40000, 443, TcpFlags.Ack, _clientSeq, _serverSeq, 0));
        _data = Frame(s_client, s_server, 40000, 443, TcpFlags.Ack | TcpFlags.Psh, _clientSeq, _serverSeq, 100);
        _ack = Frame(s_server, s_client, 443, 40000, TcpFlags.Ack, _serverSeq, _clientSeq, 0);
        if (!FastSegment.TryParse(LinkType.Ethernet, _data, 0, 0, out _) || !FastSegment.TryParse(LinkType.Ethernet, _ack, 0, 0, out _))
        {
            throw new InvalidOperationException("the benchmark's frames are not plain Ethernet/IPv4/TCP frames");
        }
    }

    [Benchmark(OperationsPerInvoke = Packets)]
    public int DecodeAndTrack() => Exchange(fast: false);

    [Benchmark(OperationsPerInvoke = Packets)]
    public int FastDecodeAndTrack() => Exchange(fast: true);

    /// <summary>Data one way and its ACK back, <see cref="Packets"/> frames, through either decoding path.</summary>
    private int Exchange(bool fast)
    {
        for (var i = 0; i < Packets; i += 2)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_data.AsSpan(SeqOffset), _clientSeq);
            Feed(_data, fast);
            _clientSeq += 100;
            BinaryPrimitives.WriteUInt32BigEndian(_ack.AsSpan(AckOffset), _clientSeq);
            Feed(_ack, fast);
        }

        return _tracker.LiveConnections;
    }

    private void Feed(byte[] frame, bool fast)
    {
        if (fast)
        {
            FeedFast(frame);
        }
        else
        {
            Feed(frame);
        }
    }

    private void FeedFast(byte[] frame)
    {
        _now += 10_000;
        if (FastSegment.TryParse(LinkType.Ethernet, frame, ++_frame, _now, out var segment))
        {
            _tracker.Process(segment);
        }
    }

    private void Feed(byte[] frame)
    {
        _now += 10_000;
        PacketDecoder.Decode(LinkType.Ethernet, frame, out var p);
        if (TcpSegmentFactory.TryCreate(p, ++_frame, _now, verifyChecksum: false, out var segment))
        {
            _tracker.Process(segment);
        }
    }

    private static byte[] Frame(IpAddr src, IpAddr dst, ushort sport, ushort dport, TcpFlags flags, uint seq, uint ack, int payload)
    {
        var tcp = new TcpRepr
        {
            SourcePort = sport,
            DestinationPort = dport,
            Seq = new SeqNumber(seq),
            Ack = new SeqNumber(ack),
            Flags = flags,
            Window = 501,
        };
        var body = new byte[payload];
        var frame = new byte[14 + 20 + tcp.BufferLength(payload)];
        frame[12] = 0x08;
        new Ipv4Repr { Source = src, Destination = dst, Protocol = 6, PayloadLength = tcp.BufferLength(payload), DontFragment = true }
            .Emit(frame.AsSpan(14));
        tcp.Emit(frame.AsSpan(34), body, IpPseudoHeader.ForTcp(src, dst));
        return frame;
    }

    private sealed class DiscardSink : IConnectionSink
    {
        public void OnConnection(ConnRecord record)
        {
        }
    }
}
