using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Input;

/// <summary>
/// One decoded TCP segment as the connection tracker consumes it: where and when it was captured, the IP
/// addresses and lengths, and the TCP header fields. A plain value (no spans) so it can be built from any decoder.
/// </summary>
public readonly record struct TcpSegment
{
    /// <summary>An empty segment (every field zero).</summary>
    public TcpSegment()
    {
    }

    /// <summary>
    /// The segment of a decoded packet with a complete TCP header (<see cref="TcpSegmentFactory.TryCreate"/>): a
    /// constructor, so the 200-odd bytes are written straight into the destination rather than built in a temporary
    /// and copied (a measurable share of a run when done for every packet).
    /// </summary>
    internal TcpSegment(in DecodedPacket p, long frameNumber, long timestampNanos, TcpOptionSummary options, ChecksumStatus checksum)
    {
        var tcp = p.Tcp;
        FrameNumber = frameNumber;
        TimestampNanos = timestampNanos;
        Source = p.Source;
        Destination = p.Destination;
        SourcePort = tcp.SourcePort;
        DestinationPort = tcp.DestinationPort;
        Flags = tcp.Flags;
        Seq = tcp.Seq;
        Ack = tcp.Ack;
        Window = tcp.Window;
        PayloadLength = p.TcpPayloadLength;
        IpLength = p.IpLength;
        // A first fragment of an outer tunnel packet carries the inner segment's start; the rest is in later
        // frames (Zeek reassembles them), not cut by the snaplen.
        PayloadTruncated = tcp.Payload.Length < p.TcpPayloadLength && !p.OuterIsFragment;
        Options = options;
        Checksum = checksum;
        Tunnel = Encapsulation.Of(p);
    }

    /// <summary>1-based frame number in the capture.</summary>
    public long FrameNumber { get; init; }

    /// <summary>Capture timestamp, nanoseconds since the Unix epoch (UTC).</summary>
    public long TimestampNanos { get; init; }

    public IpAddr Source { get; init; }

    public IpAddr Destination { get; init; }

    public ushort SourcePort { get; init; }

    public ushort DestinationPort { get; init; }

    public TcpFlags Flags { get; init; }

    public SeqNumber Seq { get; init; }

    public SeqNumber Ack { get; init; }

    /// <summary>Raw (unscaled) window field.</summary>
    public ushort Window { get; init; }

    /// <summary>TCP payload bytes per the IP header (Ethernet padding excluded), not the captured count.</summary>
    public int PayloadLength { get; init; }

    /// <summary>IP packet length per the IP header: IPv4 total length, IPv6 40 + payload length.</summary>
    public int IpLength { get; init; }

    /// <summary>True when the capture holds fewer bytes than <see cref="PayloadLength"/> promises (snap length cut).</summary>
    public bool PayloadTruncated { get; init; }

    public TcpOptionSummary Options { get; init; }

    public ChecksumStatus Checksum { get; init; }

    /// <summary>
    /// Only the fixed 20-byte header was captured (the snaplen cut the options). Zeek still finds or creates the
    /// connection from the ports and flags (<c>InitConnKey</c>, <c>WantConnection</c>, <c>IsReuse</c>) but analyses
    /// nothing of the packet (<c>ExtractTCP_Header</c>: "truncated_header"): no counts, no history, no state.
    /// </summary>
    public bool HeaderOnly { get; init; }

    /// <summary>The tunnel the segment arrived through, when the decoder followed one (Zeek's encapsulation).</summary>
    public Encapsulation Tunnel { get; init; }

    public bool Has(TcpFlags flag) => (Flags & flag) != 0;
}
