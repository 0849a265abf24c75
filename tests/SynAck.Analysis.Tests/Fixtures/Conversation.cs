using SynAck.Analysis.Input;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.Fixtures;

/// <summary>
/// A scripted client/server exchange fed to a <see cref="ConnectionTracker"/>: each call is one captured segment,
/// 1 ms after the previous one. Client 10.0.0.1:40000, server 10.0.0.2:8080 (not a likely server port).
/// </summary>
internal sealed class Conversation : IConnectionSink
{
    public const uint ClientIsn = 1000;
    public const uint ServerIsn = 5000;
    public const long Millisecond = 1_000_000;

    private readonly ConnectionTracker _tracker;
    private long _frame;

    public Conversation(TrackerOptions? options = null, long startNs = 1_700_000_000_000_000_000)
    {
        _tracker = new ConnectionTracker(options ?? new TrackerOptions { RecordTransitions = true }, this);
        NowNs = startNs;
    }

    public static IpAddr ClientAddress => IpAddr.FromV4(0x0A000001);

    public static IpAddr ServerAddress => IpAddr.FromV4(0x0A000002);

    public ushort ClientPort { get; set; } = 40000;

    public ushort ServerPort { get; set; } = 8080;

    public long NowNs { get; set; }

    public List<ConnRecord> Records { get; } = [];

    public ConnectionTracker Tracker => _tracker;

    public PacketOutcome Last => _tracker.LastOutcome;

    public TcpState ClientState => Last.OrigState;

    public TcpState ServerState => Last.RespState;

    public PacketOutcome Client(TcpFlags flags, uint seq, uint ack = 0, int payload = 0, ushort window = 65535, TcpOptionSummary? options = null) =>
        Send(true, flags, seq, ack, payload, window, options);

    public PacketOutcome Server(TcpFlags flags, uint seq, uint ack = 0, int payload = 0, ushort window = 65535, TcpOptionSummary? options = null) =>
        Send(false, flags, seq, ack, payload, window, options);

    public PacketOutcome Send(bool fromClient, TcpFlags flags, uint seq, uint ack, int payload, ushort window, TcpOptionSummary? options, ChecksumStatus checksum = ChecksumStatus.NotChecked)
    {
        NowNs += Millisecond;
        var seg = new TcpSegment
        {
            FrameNumber = ++_frame,
            TimestampNanos = NowNs,
            Source = fromClient ? ClientAddress : ServerAddress,
            Destination = fromClient ? ServerAddress : ClientAddress,
            SourcePort = fromClient ? ClientPort : ServerPort,
            DestinationPort = fromClient ? ServerPort : ClientPort,
            Flags = flags,
            Seq = new SeqNumber(seq),
            Ack = new SeqNumber(ack),
            Window = window,
            PayloadLength = payload,
            IpLength = 40 + payload,
            Options = options ?? TcpOptionSummary.None,
            Checksum = checksum,
        };
        _tracker.Process(seg);
        return _tracker.LastOutcome;
    }

    /// <summary>SYN, SYN+ACK, ACK with the fixture ISNs.</summary>
    public Conversation Handshake()
    {
        Client(TcpFlags.Syn, ClientIsn);
        Server(TcpFlags.Syn | TcpFlags.Ack, ServerIsn, ClientIsn + 1);
        Client(TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1);
        return this;
    }

    /// <summary>Ends the capture and returns the single record.</summary>
    public ConnRecord Finish()
    {
        _tracker.Flush();
        return Assert.Single(Records);
    }

    public void OnConnection(ConnRecord record) => Records.Add(record);

    public static Conversation Established() => new Conversation().Handshake();

    /// <summary>Client sent FIN (seq ClientIsn+1); client FIN-WAIT-1, server ESTABLISHED.</summary>
    public static Conversation FinWait1()
    {
        var c = Established();
        c.Client(TcpFlags.Fin | TcpFlags.Ack, ClientIsn + 1, ServerIsn + 1);
        return c;
    }

    /// <summary>Server acknowledged the client's FIN: client FIN-WAIT-2, server CLOSE-WAIT.</summary>
    public static Conversation FinWait2()
    {
        var c = FinWait1();
        c.Server(TcpFlags.Ack, ServerIsn + 1, ClientIsn + 2);
        return c;
    }

    /// <summary>Server then sent its FIN: client FIN-WAIT-2 (FIN not yet acknowledged), server LAST-ACK.</summary>
    public static Conversation LastAck()
    {
        var c = FinWait2();
        c.Server(TcpFlags.Fin | TcpFlags.Ack, ServerIsn + 1, ClientIsn + 2);
        return c;
    }
}
