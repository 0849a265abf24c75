using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>
/// Per-segment options: TCP timestamps (RFC 7323 §3–§5: negotiation on the SYNs, TS.Recent, RTT measurement from
/// TSecr (RTTM) and protection against wrapped sequence numbers (PAWS)), and the SACK blocks ACKs carry.
/// </summary>
public sealed partial class TcpConnection
{
    private bool _peerOfferedTimestamps;
    private uint _tsRecent;
    private uint _tsOffset;
    private SeqNumber _lastAckSent;

    /// <summary>True when both SYNs carried the timestamps option (RFC 7323 §3.2), so every segment carries it.</summary>
    public bool TimestampsEnabled { get; private set; }

    /// <summary>Segments dropped by PAWS (RFC 7323 §5.3): their TSval was older than TS.Recent.</summary>
    public long PawsRejected { get; private set; }

    /// <summary>
    /// Our timestamp clock: milliseconds plus a per-connection offset (RFC 7323 §5.4 recommends a random offset per
    /// connection; the keyed-hash ISS is one).
    /// </summary>
    private uint TsVal(Instant now) => unchecked((uint)(now.Microseconds / 1000) + _tsOffset);

    /// <summary>Records the peer's SYN or SYN-ACK timestamps option; enables timestamps when both sides offered them.</summary>
    private void ApplySynTimestamps(in TcpRepr seg)
    {
        _peerOfferedTimestamps = seg.Timestamps.HasValue;
        TimestampsEnabled = _config.Timestamps && _peerOfferedTimestamps;
        if (seg.Timestamps is { } ts)
        {
            _tsRecent = ts.TsVal;
        }
    }

    /// <summary>
    /// RFC 7323 §5.3 R1 (PAWS): a non-RST segment whose TSval is older than TS.Recent is a duplicate from an earlier
    /// wrap of the sequence space: it is acknowledged and dropped. (R1's 24-day idle exception is not needed: TS.Recent
    /// is refreshed by every in-order segment, and idle connections that long are not kept.)
    /// </summary>
    private bool FailsPaws(in TcpRepr seg)
    {
        if (!TimestampsEnabled || seg.Timestamps is not { } ts || (seg.Flags & TcpFlags.Rst) != 0)
        {
            return false;
        }

        if ((int)(ts.TsVal - _tsRecent) >= 0)
        {
            return false;
        }

        PawsRejected++;
        _ackNow = true;
        return true;
    }

    /// <summary>RFC 7323 §4.3 (3): if SEG.TSval >= TS.Recent and SEG.SEQ =&lt; Last.ACK.sent, TS.Recent = SEG.TSval.</summary>
    private void UpdateTsRecent(in TcpRepr seg)
    {
        if (TimestampsEnabled && seg.Timestamps is { } ts && (int)(ts.TsVal - _tsRecent) >= 0 && seg.Seq.IsBeforeOrEqual(_lastAckSent))
        {
            _tsRecent = ts.TsVal;
        }
    }

    /// <summary>RFC 7323 §4.1 (RTTM): an ACK that advances SND.UNA gives the RTT as now minus the TSecr it echoes.</summary>
    private bool TrySampleRttFromTimestamps(in TcpRepr seg, Instant now)
    {
        if (!TimestampsEnabled || seg.Timestamps is not { } ts || ts.TsEcr == 0)
        {
            return false;
        }

        var ms = unchecked(TsVal(now) - ts.TsEcr);
        if (ms > (uint)_config.MaxRto.TotalMilliseconds)
        {
            // An echo from the future or from long ago is not a measurement.
            return false;
        }

        _rtt.Sample(TimeSpan.FromMilliseconds(ms));
        return true;
    }

    /// <summary>
    /// Adds TSopt to an outgoing segment (RFC 7323 §3.2: on every non-RST segment once enabled), SACK blocks to an
    /// ACK while a gap is open (RFC 2018), and notes Last.ACK.sent.
    /// </summary>
    private TcpRepr WithOptions(in TcpRepr seg, int payloadLength, Instant now)
    {
        var withSack = seg;
        if ((seg.Flags & TcpFlags.Ack) != 0)
        {
            _lastAckSent = seg.Ack;
            // Only pure ACKs carry blocks: a full-sized data segment has no room for up to 28 more option bytes.
            if ((seg.Flags & (TcpFlags.Syn | TcpFlags.Rst)) == 0 && payloadLength == 0)
            {
                withSack = seg with { Sack = CurrentSackBlocks() };
            }
        }

        return TimestampsEnabled && seg.Timestamps is null && (seg.Flags & TcpFlags.Rst) == 0
            ? withSack with { Timestamps = (TsVal(now), _tsRecent) }
            : withSack;
    }
}
