using SynAck.Analysis.Input;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>
/// Builds the segments of one client/server conversation (10.0.0.1:40000 to 10.0.0.2:80) with consecutive frame
/// numbers and explicit times, for unit tests of the per-packet and per-connection rules.
/// </summary>
internal sealed class SegmentScript
{
    public static readonly IpAddr Client = IpAddr.FromV4(0x0A000001);
    public static readonly IpAddr Server = IpAddr.FromV4(0x0A000002);
    public const ushort ClientPort = 40000;
    public const ushort ServerPort = 80;

    private long _frame;

    /// <summary>Time of the next segment, ns.</summary>
    public long Now { get; set; } = 1_700_000_000_000_000_000;

    public TcpSegment FromClient(TcpFlags flags, uint seq, uint ack, int len = 0, ushort window = 1000, sbyte windowScale = -1) =>
        Make(Client, ClientPort, Server, ServerPort, flags, seq, ack, len, window, windowScale);

    public TcpSegment FromServer(TcpFlags flags, uint seq, uint ack, int len = 0, ushort window = 1000, sbyte windowScale = -1) =>
        Make(Server, ServerPort, Client, ClientPort, flags, seq, ack, len, window, windowScale);

    public TcpSegment Make(IpAddr src, ushort sport, IpAddr dst, ushort dport, TcpFlags flags, uint seq, uint ack, int len, ushort window, sbyte windowScale = -1)
    {
        var seg = new TcpSegment
        {
            FrameNumber = ++_frame,
            TimestampNanos = Now,
            Source = src,
            Destination = dst,
            SourcePort = sport,
            DestinationPort = dport,
            Flags = flags,
            Seq = new SeqNumber(seq),
            Ack = new SeqNumber(ack),
            Window = window,
            PayloadLength = len,
            IpLength = 40 + len,
            Options = TcpOptionSummary.None with { WindowScale = windowScale },
        };
        Now += 1_000_000;
        return seg;
    }
}
