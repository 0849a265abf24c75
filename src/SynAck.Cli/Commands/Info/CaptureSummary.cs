using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Info;

/// <summary>What <c>synack info</c> reports about one capture (filled by <see cref="CaptureSummarizer"/>).</summary>
public sealed class CaptureSummary
{
    public required string File { get; init; }

    public required string Format { get; init; }

    public required string ByteOrder { get; init; }

    public required bool Gzip { get; init; }

    /// <summary>Digits after the second in the packets' timestamps (6 µs, 9 ns); several values for mixed pcapng interfaces.</summary>
    public SortedSet<int> TimestampDigits { get; } = [];

    /// <summary>Packets per link type, by the pcap LINKTYPE_ value.</summary>
    public SortedDictionary<ushort, long> LinkTypes { get; } = [];

    public long Packets { get; set; }

    public long TcpPackets { get; set; }

    public long UdpPackets { get; set; }

    public long IcmpPackets { get; set; }

    public long OtherIpPackets { get; set; }

    public long NonIpPackets { get; set; }

    public long IpFragments { get; set; }

    public long? FirstNanos { get; set; }

    public long? LastNanos { get; set; }

    public long CapturedBytes { get; set; }

    public long WireBytes { get; set; }

    public long? FileBytes { get; set; }

    public long TruncatedPackets { get; set; }

    public long MalformedPackets { get; set; }

    /// <summary>Packets whose decoding stopped short of a TCP header, by reason (<see cref="ParseStatus"/> other than Ok).</summary>
    public SortedDictionary<ParseStatus, long> DecodeStatus { get; } = [];

    public bool ChecksumsVerified { get; init; }

    public long BadIpChecksums { get; set; }

    public long BadTcpChecksums { get; set; }

    public IReadOnlyList<CaptureWarning> Warnings { get; set; } = [];

    public long SpanNanos => FirstNanos is { } f && LastNanos is { } l ? l - f : 0;
}
