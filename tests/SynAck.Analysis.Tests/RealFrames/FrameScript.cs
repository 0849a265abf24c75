using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Capture;
using SynAck.Wire;
using SynAck.Wire.Ip;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.RealFrames;

/// <summary>
/// A client/server exchange as real Ethernet frames: TCP built with <see cref="TcpRepr"/> and IPv4/IPv6 headers with
/// <see cref="Ipv4Repr"/>/<see cref="Ipv6Repr"/> (checksums filled by their Emit), written by <see cref="PcapWriter"/>
/// to memory, then read back by <see cref="CaptureReader"/> and fed through the decoder to the tracker with checksum
/// verification on, so any emitter or checksum fault shows in the history ('C'). One frame every millisecond.
/// </summary>
internal sealed class FrameScript(IpAddr client, ushort clientPort, IpAddr server, ushort serverPort) : IConnectionSink
{
    private const long Millisecond = 1_000_000;
    private readonly List<(long TimestampNanos, byte[] Frame)> _frames = [];

    public long NowNs { get; set; } = 1_700_000_000_000_000_000;

    public List<ConnRecord> Records { get; } = [];

    /// <summary>When set, the client's packets travel in GRE (RFC 2784) between these outer IPv4 addresses.</summary>
    public (IpAddr Source, IpAddr Destination)? ClientGre { get; set; }

    /// <summary>When set, the server's packets travel in GRE between these outer IPv4 addresses.</summary>
    public (IpAddr Source, IpAddr Destination)? ServerGre { get; set; }

    public static FrameScript V4() => new(IpAddr.Parse("192.0.2.1"), 40000, IpAddr.Parse("192.0.2.2"), 8080);

    public static FrameScript V6() => new(IpAddr.Parse("2001:db8::1"), 40000, IpAddr.Parse("2001:db8::2"), 8080);

    public void Client(TcpFlags flags, uint seq, uint ack = 0, int payload = 0, ushort? mss = null) =>
        Add(client, clientPort, server, serverPort, flags, seq, ack, payload, mss, ClientGre);

    public void Server(TcpFlags flags, uint seq, uint ack = 0, int payload = 0, ushort? mss = null) =>
        Add(server, serverPort, client, clientPort, flags, seq, ack, payload, mss, ServerGre);

    /// <summary>Writes the frames as a pcap in memory, reads them back through the real reader, decoder and tracker.</summary>
    public TrackerCounters Run()
    {
        var written = new MemoryStream();
        using (var writer = new PcapWriter(written, LinkType.Ethernet, nanosecond: true))
        {
            foreach (var (ts, frame) in _frames)
            {
                writer.Write(ts, frame);
            }
        }

        // The writer closes its stream; the bytes stay readable.
        using var reader = CaptureReader.Open(new MemoryStream(written.ToArray()), "frames.pcap");
        var tracker = new ConnectionTracker(new TrackerOptions { Zeek = new ZeekOptions { VerifyChecksums = true } }, this);
        var packets = CaptureFeeder.Run(reader, tracker, new FeedOptions { Decode = DecodeOptions.FollowTunnels, VerifyChecksums = true });
        Assert.Equal(_frames.Count, packets);
        return tracker.Counters;
    }

    public void OnConnection(ConnRecord record) => Records.Add(record);

    /// <summary>The frame's IP packet inside GRE version 0 (4-byte header: no flags, protocol = the EtherType) in outer IPv4.</summary>
    private static byte[] InGre(byte[] frame, IpAddr outerSource, IpAddr outerDestination)
    {
        var inner = frame.AsSpan(14);
        var greLength = 4 + inner.Length;
        var result = new byte[14 + Ipv4Repr.HeaderLength + greLength];
        frame.AsSpan(0, 12).CopyTo(result);
        result[12] = 0x08;
        new Ipv4Repr { Source = outerSource, Destination = outerDestination, Protocol = 47, PayloadLength = greLength }.Emit(result.AsSpan(14));
        var gre = result.AsSpan(14 + Ipv4Repr.HeaderLength);
        gre[2] = frame[12];
        gre[3] = frame[13];
        inner.CopyTo(gre[4..]);
        return result;
    }

    private void Add(
        IpAddr src, ushort sport, IpAddr dst, ushort dport, TcpFlags flags, uint seq, uint ack, int payloadLength, ushort? mss,
        (IpAddr Source, IpAddr Destination)? gre)
    {
        NowNs += Millisecond;
        var tcp = new TcpRepr
        {
            SourcePort = sport,
            DestinationPort = dport,
            Seq = new SeqNumber(seq),
            Ack = new SeqNumber(ack),
            Flags = flags,
            Window = 64240,
            Mss = mss,
        };
        var payload = new byte[payloadLength];
        Array.Fill(payload, (byte)'x');
        var segmentLength = tcp.BufferLength(payloadLength);
        var ipHeader = src.IsV6 ? Ipv6Repr.HeaderLength : Ipv4Repr.HeaderLength;
        var frame = new byte[14 + ipHeader + segmentLength];
        frame[5] = 2;
        frame[11] = 1;
        frame[12] = src.IsV6 ? (byte)0x86 : (byte)0x08;
        frame[13] = src.IsV6 ? (byte)0xDD : (byte)0x00;
        if (src.IsV6)
        {
            new Ipv6Repr { Source = src, Destination = dst, NextHeader = 6, PayloadLength = segmentLength }.Emit(frame.AsSpan(14));
        }
        else
        {
            new Ipv4Repr { Source = src, Destination = dst, Protocol = 6, PayloadLength = segmentLength, DontFragment = true }.Emit(frame.AsSpan(14));
        }

        tcp.Emit(frame.AsSpan(14 + ipHeader), payload, IpPseudoHeader.ForTcp(src, dst));
        _frames.Add((NowNs, gre is { } outer ? InGre(frame, outer.Source, outer.Destination) : frame));
    }
}
