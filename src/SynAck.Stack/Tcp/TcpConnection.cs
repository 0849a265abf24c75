using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>
/// One TCP connection's transmission control block and state machine (RFC 9293 §3.3, §3.10). It does no I/O and
/// reads no clock: <see cref="Process"/> takes one arriving segment, <see cref="Dispatch"/> emits whatever is due
/// through a sink, and <see cref="NextDeadline"/> says when a timer needs <see cref="Dispatch"/> next. The concerns
/// live in partial files: user calls, handshake, receive, send, and timers.
/// </summary>
public sealed partial class TcpConnection
{
    private readonly TcpConfig _config;
    private readonly Action<TcpTransition>? _observer;
    private readonly ChallengeAckLimiter _challengeLimiter;
    private readonly SendBuffer _send;
    private readonly ReassemblyBuffer _recv;
    private readonly RttEstimator _rtt;
    private readonly int _localMss;
    private readonly int _defaultRemoteMss;
    private NewReno _cc;
    private byte[] _scratch;

    /// <param name="config">Tunables.</param>
    /// <param name="local">Local address and port.</param>
    /// <param name="remote">Remote address and port.</param>
    /// <param name="localMss">The MSS this end can receive: link MTU minus fixed IP and TCP headers (RFC 9293 §3.7.1, RFC 6691).</param>
    /// <param name="defaultRemoteMss">The send MSS to assume when the peer sends no MSS option: 536 for IPv4, 1220 for IPv6 (RFC 9293 §3.7.1).</param>
    /// <param name="challengeLimiter">Shared RFC 5961 challenge-ACK budget.</param>
    /// <param name="observer">Receives every state transition.</param>
    public TcpConnection(
        TcpConfig config,
        TcpEndpoint local,
        TcpEndpoint remote,
        int localMss,
        int defaultRemoteMss,
        ChallengeAckLimiter? challengeLimiter = null,
        Action<TcpTransition>? observer = null)
    {
        _config = config;
        Local = local;
        Remote = remote;
        _localMss = localMss;
        _defaultRemoteMss = defaultRemoteMss;
        _challengeLimiter = challengeLimiter ?? new ChallengeAckLimiter(config.ChallengeAckLimitPerSecond);
        _observer = observer;
        _send = new SendBuffer(config.SendBufferSize);
        _recv = new ReassemblyBuffer(config.ReceiveBufferSize);
        _rtt = new RttEstimator(config.MinRto, config.MaxRto, config.InitialRto, TimeSpan.FromMilliseconds(1));
        SendMss = Math.Min(localMss, defaultRemoteMss);
        _cc = new NewReno(SendMss);
        _scratch = new byte[SendMss];

        // RFC 7323 §2.3: our shift is the smallest that lets the receive buffer fit in 16 bits, at most 14.
        while (_rcvShiftOffer < 14 && (config.ReceiveBufferSize >> _rcvShiftOffer) > ushort.MaxValue)
        {
            _rcvShiftOffer++;
        }
    }

    /// <summary>Local address and port.</summary>
    public TcpEndpoint Local { get; }

    /// <summary>Remote address and port.</summary>
    public TcpEndpoint Remote { get; }

    /// <summary>Current state (RFC 9293 §3.3.2).</summary>
    public TcpState State { get; private set; }

    /// <summary>Why the connection ended abnormally, or <see cref="TcpError.None"/>.</summary>
    public TcpError Error { get; private set; }

    /// <summary>True when this connection came from a passive OPEN (a listener).</summary>
    public bool IsPassive { get; private set; }

    /// <summary>Initial send sequence number (RFC 9293 §3.3.1).</summary>
    public SeqNumber Iss { get; private set; }

    /// <summary>Initial receive sequence number.</summary>
    public SeqNumber Irs { get; private set; }

    /// <summary>SND.UNA: oldest unacknowledged sequence number.</summary>
    public SeqNumber SndUna { get; private set; }

    /// <summary>SND.NXT: next sequence number to send.</summary>
    public SeqNumber SndNxt { get; private set; }

    /// <summary>SND.WND: the peer's offered window in bytes (scaled).</summary>
    public uint SndWnd { get; private set; }

    /// <summary>SND.WL1: segment sequence number used for the last window update.</summary>
    public SeqNumber SndWl1 { get; private set; }

    /// <summary>SND.WL2: segment acknowledgment number used for the last window update.</summary>
    public SeqNumber SndWl2 { get; private set; }

    /// <summary>RCV.NXT: next sequence number expected.</summary>
    public SeqNumber RcvNxt { get; private set; }

    /// <summary>RCV.WND: the window this end can currently accept, in bytes.</summary>
    public uint RcvWnd => (uint)_recv.Window;

    /// <summary>Effective send MSS (RFC 9293 §3.7.1, RFC 6691): payload bytes per segment.</summary>
    public int SendMss { get; private set; }

    /// <summary>Shift applied to the peer's window field (RFC 7323 §2.3), 0 without window scaling.</summary>
    public byte SndWindShift { get; private set; }

    /// <summary>Shift applied to our window field (RFC 7323 §2.3), 0 without window scaling.</summary>
    public byte RcvWindShift { get; private set; }

    /// <summary>The congestion controller.</summary>
    public NewReno Congestion => _cc;

    /// <summary>The RTT estimator.</summary>
    public RttEstimator Rtt => _rtt;

    /// <summary>Segments retransmitted (timeouts, fast retransmits and partial-ACK retransmits).</summary>
    public long Retransmissions { get; private set; }

    /// <summary>Bytes the user can read now.</summary>
    public int Readable => _recv.Readable;

    /// <summary>Room in the send buffer.</summary>
    public int SendFree => _send.Free;

    /// <summary>Bytes queued and not yet acknowledged.</summary>
    public int SendQueued => _send.Length;

    /// <summary>True once the peer's FIN has been received in sequence: after the buffered bytes, reads return end of stream.</summary>
    public bool RemoteClosed { get; private set; }

    /// <summary>True when the user may still queue data (RFC 9293 §3.10.2).</summary>
    public bool CanSend => !_finQueued && State is TcpState.SynSent or TcpState.SynReceived or TcpState.Established or TcpState.CloseWait;

    /// <summary>True once the handshake has completed at some point.</summary>
    public bool WasEstablished { get; private set; }

    public override string ToString() => $"{Local}->{Remote}";

    private void SetState(TcpState to, TransitionCause cause, Instant now)
    {
        var from = State;
        if (from == to)
        {
            return;
        }

        State = to;
        if (to == TcpState.Established)
        {
            WasEstablished = true;
        }

        if (to is TcpState.Closed or TcpState.TimeWait or TcpState.Listen)
        {
            // No retransmissions in these states; TIME-WAIT keeps only its own timer (RFC 9293 §3.10.7.4).
            _rtxDeadline = Instant.Never;
            _persistDeadline = Instant.Never;
            _delayedAckDeadline = Instant.Never;
            _finWait2Deadline = Instant.Never;
        }

        _observer?.Invoke(new TcpTransition(now, this, from, to, cause));
    }
}
