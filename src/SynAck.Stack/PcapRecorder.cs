using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Stack;

/// <summary>
/// Records a stack's own traffic as classic pcap with link type Raw (bare IP packets), so the analyzer, tshark
/// and Wireshark can read what the stack did. Not thread-safe: the stack's thread is its only caller.
/// </summary>
public sealed class PcapRecorder : IPacketTap, IDisposable
{
    private readonly PcapWriter _writer;
    private readonly long _originUnixNanos;
    private readonly int _snapLength;

    /// <param name="stream">Destination; owned by the recorder.</param>
    /// <param name="originUnixNanos">Wall-clock time (ns since the Unix epoch) of <see cref="Instant.Zero"/>.</param>
    /// <param name="snapLength">Bytes kept per packet (the rest is counted in the original length), e.g. headers only for bulk transfers.</param>
    public PcapRecorder(Stream stream, long originUnixNanos, int snapLength = 262144)
    {
        _writer = new PcapWriter(stream, LinkType.Raw, snapLength, nanosecond: true);
        _originUnixNanos = originUnixNanos;
        _snapLength = snapLength;
    }

    /// <summary>Packets written.</summary>
    public long PacketCount => _writer.PacketCount;

    /// <inheritdoc />
    public void OnPacket(Instant time, ReadOnlySpan<byte> ipPacket, bool outbound) =>
        _writer.Write(_originUnixNanos + (time.Microseconds * 1000), ipPacket[..Math.Min(ipPacket.Length, _snapLength)], ipPacket.Length);

    /// <summary>Pushes buffered packets to the stream.</summary>
    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
