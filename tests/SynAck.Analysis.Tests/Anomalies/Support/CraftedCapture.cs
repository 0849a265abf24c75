using SynAck.Capture;
using SynAck.Wire;
using SynAck.Wire.Ip;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>
/// Writes a raw-IPv4 pcap of crafted TCP segments with the project's own emitters (TcpRepr, Ipv4Repr) and
/// PcapWriter: the way to make packets the kernel will not send (illegal flags, injected RSTs, floods).
/// </summary>
internal sealed class CraftedCapture : IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly PcapWriter _writer;
    private readonly byte[] _buffer = new byte[2048];

    public CraftedCapture() => _writer = new PcapWriter(_stream, LinkType.Raw, 65535, nanosecond: true);

    /// <summary>Time of the next packet, ns since the epoch; advances by <see cref="Step"/> per packet.</summary>
    public long Now { get; set; } = 1_700_000_000_000_000_000;

    public long Step { get; set; } = 1_000_000;

    public long Packets => _writer.PacketCount;

    public long Add(IpAddr src, ushort sport, IpAddr dst, ushort dport, TcpFlags flags, uint seq, uint ack,
        int payload = 0, ushort window = 64240, ushort urgent = 0, byte? windowScale = null)
    {
        var tcp = new TcpRepr
        {
            SourcePort = sport,
            DestinationPort = dport,
            Seq = new SeqNumber(seq),
            Ack = new SeqNumber(ack),
            Flags = flags,
            Window = window,
            UrgentPointer = urgent,
            WindowScale = windowScale,
        };
        var tcpLength = tcp.BufferLength(payload);
        var ip = new Ipv4Repr { Source = src, Destination = dst, Protocol = 6, PayloadLength = tcpLength };
        var ipLen = ip.Emit(_buffer);
        tcp.Emit(_buffer.AsSpan(ipLen), new byte[payload], IpPseudoHeader.ForTcp(src, dst, tcpLength));
        _writer.Write(Now, _buffer.AsSpan(0, ipLen + tcpLength));
        Now += Step;
        return _writer.PacketCount;
    }

    /// <summary>Writes the capture to a new temporary file and returns its path.</summary>
    public string Save()
    {
        _writer.Flush();
        var path = Path.Combine(Path.GetTempPath(), $"synack-anomaly-{Guid.NewGuid():N}.pcap");
        File.WriteAllBytes(path, _stream.ToArray());
        return path;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
