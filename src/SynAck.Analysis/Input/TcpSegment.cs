using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Input;

/// <summary>
/// One decoded TCP segment as the connection tracker consumes it: where and when it was captured, the IP
/// addresses and lengths, and the TCP header fields. A plain value (no spans) so it can be built from any decoder.
/// </summary>
public readonly record struct TcpSegment
{
    private readonly long _frameNumber;
    private readonly long _timestampNanos;
    private readonly IpAddr _source;
    private readonly IpAddr _destination;
    private readonly ushort _sourcePort;
    private readonly ushort _destinationPort;
    private readonly TcpFlags _flags;
    private readonly SeqNumber _seq;
    private readonly SeqNumber _ack;
    private readonly ushort _window;
    private readonly int _payloadLength;
    private readonly int _ipLength;
    private readonly bool _payloadTruncated;
    private readonly TcpOptionSummary _options;
    private readonly ChecksumStatus _checksum;
    private readonly bool _headerOnly;
    private readonly Encapsulation _tunnel;

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

    /// <summary>
    /// Writes the segment of a plain Ethernet/IPv4/TCP frame (<see cref="FastSegment"/>, which checked the lengths)
    /// field by field into <paramref name="s"/>. Not a constructor or an object initializer: both build the segment in
    /// a temporary and copy its 184 bytes to the destination, and the copy's wide loads of fields just written in
    /// smaller pieces stall (store forwarding fails): together over a third of the fast path's time.
    /// </summary>
    internal static void WritePlain(
        out TcpSegment s, long frameNumber, long timestampNanos, ReadOnlySpan<byte> ip, ReadOnlySpan<byte> tcp, int headerLength,
        int payloadLength, int total)
    {
        Unsafe.SkipInit(out s);
        Unsafe.AsRef(in s._frameNumber) = frameNumber;
        Unsafe.AsRef(in s._timestampNanos) = timestampNanos;
        Unsafe.AsRef(in s._source) = PlainFrame.Source(ip);
        Unsafe.AsRef(in s._destination) = PlainFrame.Destination(ip);
        Unsafe.AsRef(in s._sourcePort) = BinaryPrimitives.ReadUInt16BigEndian(tcp);
        Unsafe.AsRef(in s._destinationPort) = BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]);
        Unsafe.AsRef(in s._flags) = (TcpFlags)(BinaryPrimitives.ReadUInt16BigEndian(tcp[12..]) & 0x1FF);
        Unsafe.AsRef(in s._seq) = new SeqNumber(BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]));
        Unsafe.AsRef(in s._ack) = new SeqNumber(BinaryPrimitives.ReadUInt32BigEndian(tcp[8..]));
        Unsafe.AsRef(in s._window) = BinaryPrimitives.ReadUInt16BigEndian(tcp[14..]);
        Unsafe.AsRef(in s._payloadLength) = payloadLength;
        Unsafe.AsRef(in s._ipLength) = total;
        Unsafe.AsRef(in s._payloadTruncated) = tcp.Length - headerLength < payloadLength;
        if (headerLength > TcpHeader.MinLength)
        {
            TcpSegmentFactory.SummarizeInto(new TcpOptions(tcp[TcpHeader.MinLength..headerLength]), ref Unsafe.AsRef(in s._options));
        }
        else
        {
            TcpOptionSummary.Write(ref Unsafe.AsRef(in s._options), 0, -1, false, false, 0, 0);
        }

        Unsafe.AsRef(in s._checksum) = ChecksumStatus.NotChecked;
        Unsafe.AsRef(in s._headerOnly) = false;
        Unsafe.AsRef(in s._tunnel) = default;
    }

    /// <summary>1-based frame number in the capture.</summary>
    public long FrameNumber { get => _frameNumber; init => _frameNumber = value; }

    /// <summary>Capture timestamp, nanoseconds since the Unix epoch (UTC).</summary>
    public long TimestampNanos { get => _timestampNanos; init => _timestampNanos = value; }

    public IpAddr Source { get => _source; init => _source = value; }

    public IpAddr Destination { get => _destination; init => _destination = value; }

    public ushort SourcePort { get => _sourcePort; init => _sourcePort = value; }

    public ushort DestinationPort { get => _destinationPort; init => _destinationPort = value; }

    public TcpFlags Flags { get => _flags; init => _flags = value; }

    public SeqNumber Seq { get => _seq; init => _seq = value; }

    public SeqNumber Ack { get => _ack; init => _ack = value; }

    /// <summary>Raw (unscaled) window field.</summary>
    public ushort Window { get => _window; init => _window = value; }

    /// <summary>TCP payload bytes per the IP header (Ethernet padding excluded), not the captured count.</summary>
    public int PayloadLength { get => _payloadLength; init => _payloadLength = value; }

    /// <summary>IP packet length per the IP header: IPv4 total length, IPv6 40 + payload length.</summary>
    public int IpLength { get => _ipLength; init => _ipLength = value; }

    /// <summary>True when the capture holds fewer bytes than <see cref="PayloadLength"/> promises (snap length cut).</summary>
    public bool PayloadTruncated { get => _payloadTruncated; init => _payloadTruncated = value; }

    public TcpOptionSummary Options { get => _options; init => _options = value; }

    public ChecksumStatus Checksum { get => _checksum; init => _checksum = value; }

    /// <summary>
    /// Only the fixed 20-byte header was captured (the snaplen cut the options). Zeek still finds or creates the
    /// connection from the ports and flags (<c>InitConnKey</c>, <c>WantConnection</c>, <c>IsReuse</c>) but analyses
    /// nothing of the packet (<c>ExtractTCP_Header</c>: "truncated_header"): no counts, no history, no state.
    /// </summary>
    public bool HeaderOnly { get => _headerOnly; init => _headerOnly = value; }

    /// <summary>The tunnel the segment arrived through, when the decoder followed one (Zeek's encapsulation).</summary>
    public Encapsulation Tunnel { get => _tunnel; init => _tunnel = value; }

    public bool Has(TcpFlags flag) => (Flags & flag) != 0;
}
