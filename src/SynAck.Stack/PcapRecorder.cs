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

    /// <param name="stream">Destination; owned by the recorder.</param>
    /// <param name="originUnixNanos">Wall-clock time (ns since the Unix epoch) of <see cref="Instant.Zero"/>.</param>
    public PcapRecorder(Stream stream, long originUnixNanos)
    {
        _writer = new PcapWriter(stream, LinkType.Raw, nanosecond: true);
        _originUnixNanos = originUnixNanos;
    }

    /// <summary>Packets written.</summary>
    public long PacketCount => _writer.PacketCount;

    /// <inheritdoc />
    public void OnPacket(Instant time, ReadOnlySpan<byte> ipPacket, bool outbound) =>
        _writer.Write(_originUnixNanos + (time.Microseconds * 1000), ipPacket);

    /// <summary>Pushes buffered packets to the stream.</summary>
    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
