using SynAck.Analysis.Input;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Zeek;

/// <summary>
/// Re-implements the parts of Zeek's TCP analysis (<c>TCPSessionAdapter::Process</c>, <c>TCP_Endpoint</c>, the
/// ConnSize analyzer and <c>conn_state()</c>) that determine conn.log's conn_state, history, byte and packet
/// counts, so SynAck's rows match Zeek's. Written from Zeek's documented behaviour and source; see
/// docs/zeek-differences.md for what is approximated. All methods work on a <see cref="ZeekSession"/> in place.
/// </summary>
public static partial class ZeekTcpAnalyzer
{
    /// <summary>Zeek's <c>TOO_LARGE_SEQ_DELTA</c>: SYN/RST sequence jumps beyond this are not trusted.</summary>
    private const int TooLargeSeqDelta = 1048576;

    // History de-duplication masks (Zeek's TCP_Endpoint HIST_*); responder masks are shifted left by 16.
    private const uint HistSyn = 0x1;
    private const uint HistFin = 0x2;
    private const uint HistRst = 0x4;
    private const uint HistFinRst = 0x8;
    private const uint HistData = 0x10;
    private const uint HistAck = 0x20;
    private const uint HistMultiFlag = 0x40;

    /// <summary>
    /// Initialises a session for a connection whose first packet comes from side 0. <paramref name="s"/> must be all
    /// zeros (a fresh or cleared slot): only the fields whose initial value is not zero are set.
    /// </summary>
    public static void Init(ref ZeekSession s, long startNs, ZeekOptions options)
    {
        ZeekEndpoint.InitZeroed(ref s.Sides[0]);
        ZeekEndpoint.InitZeroed(ref s.Sides[1]);
        s.OrigSide = 0;
        s.IsActive = true;
        s.StartNs = startNs;
        s.LastNs = startNs;
        s.DeleteAtNs = long.MaxValue;
        s.AttemptAtNs = 0;
        s.ChainCount = 1;
        s.ReportGapsForPartial = options.ReportGapsForPartial;
        s.Chains[0] = startNs + options.SynTimeoutNs;
    }

    /// <summary>
    /// Zeek's <c>WantConnection</c> role decision for a connection's first packet: true when the receiver should
    /// be the originator (first packet without a pure SYN, source port a likely server port, and not both ports
    /// likely unless the destination port is higher and the packet has no SYN).
    /// </summary>
    public static bool ShouldFlipOnCreate(in TcpSegment seg, LikelyServerPorts ports)
    {
        var syn = seg.Has(TcpFlags.Syn);
        if (syn && !seg.Has(TcpFlags.Ack))
        {
            return false;
        }

        if (!ports.Contains(seg.SourcePort))
        {
            return false;
        }

        return !ports.Contains(seg.DestinationPort) || (!syn && seg.SourcePort < seg.DestinationPort);
    }

    /// <summary>Zeek's <c>Connection::FlipRoles</c>: swaps originator and responder and records '^'.</summary>
    public static void FlipRoles(ref ZeekSession s)
    {
        s.OrigSide ^= 1;
        s.History.Add('^');
    }

    /// <summary>A segment with a bad checksum from <paramref name="side"/>: only the 'C'/'c' history entry.</summary>
    public static void ChecksumError(ref ZeekSession s, int side)
    {
        ref var ep = ref s.Sides[side];
        s.History.Scaled(side == s.OrigSide ? 'C' : 'c', ref ep.ChecksumCount, ref ep.ChecksumThreshold);
    }

    /// <summary>Zeek's <c>IsReuse</c>: whether a SYN on a live entry starts a new connection instead.</summary>
    public static bool IsReuse(ref ZeekSession s, in TcpSegment seg, int side)
    {
        if (!seg.Has(TcpFlags.Syn))
        {
            return false;
        }

        ref readonly var orig = ref s.Sides[s.OrigSide];
        ref readonly var resp = ref s.Sides[s.RespSide];
        if (seg.Has(TcpFlags.Ack) && orig.State != ZeekEndpointState.Inactive)
        {
            return false;
        }

        ref readonly var connOrig = ref seg.Has(TcpFlags.Ack) ? ref resp : ref orig;

        var closed = orig.DidClose || resp.DidClose;
        if (!closed)
        {
            var baseSeq = seg.Seq.Value;
            if (baseSeq == connOrig.StartSeq32)
            {
                return false;
            }

            if (!seg.Has(TcpFlags.Ack) && connOrig.State == ZeekEndpointState.SynAckSent &&
                resp.State == ZeekEndpointState.Inactive && baseSeq == resp.StartSeq32)
            {
                return false;
            }

            if (!seg.Has(TcpFlags.Ack) && side == s.RespSide && orig.State == ZeekEndpointState.SynSent &&
                resp.State == ZeekEndpointState.Inactive)
            {
                // Deliberate difference: the responder's own SYN while the originator waits in SYN-SENT is a
                // simultaneous open (RFC 9293 §3.5), kept in one record; Zeek starts a new connection here.
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the endpoint states count as handshake states (Zeek's <c>is_handshake</c>).</summary>
    private static bool IsHandshake(ZeekEndpointState s) =>
        s is ZeekEndpointState.Inactive or ZeekEndpointState.SynSent or ZeekEndpointState.SynAckSent;

    private static void SetState(ref ZeekSession s, int side, ZeekEndpointState state)
    {
        ref var ep = ref s.Sides[side];
        if (state == ep.State)
        {
            return;
        }

        if (!IsHandshake(state) && IsHandshake(ep.State) && IsHandshake(s.Sides[side ^ 1].State))
        {
            s.LongInactivity = true;
        }

        ep.PrevState = ep.State;
        ep.State = state;
    }

    private static bool CheckHistory(ref ZeekSession s, int side, uint mask, char code)
    {
        if ((code == 'A' || code == 'D') && s.History.IsExactly('H'))
        {
            // A SYN+ACK was the first packet and now the other side answers: the SYN+ACK sender is the
            // responder after all (TCP_Endpoint::CheckHistory).
            FlipRoles(ref s);
            s.History.Replace("^h");
        }

        if (side != s.OrigSide)
        {
            mask <<= 16;
            code = char.ToLowerInvariant(code);
        }

        return s.History.Check(mask, code);
    }

    private static void AddHistory(ref ZeekSession s, int side, char code) =>
        s.History.Add(side == s.OrigSide ? code : char.ToLowerInvariant(code));
}
