using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>
/// NewReno congestion control: slow start and congestion avoidance (RFC 5681 §3.1), fast retransmit and fast
/// recovery (RFC 5681 §3.2) with the NewReno partial-ACK modification (RFC 6582 §3.2). It only keeps the window
/// arithmetic and returns decisions; the connection owns the segments.
/// </summary>
public sealed class NewReno
{
    /// <summary>Duplicate ACKs that trigger fast retransmit (RFC 5681 §3.2, DupThresh).</summary>
    public const int DupThresh = 3;

    private readonly uint _smss;
    private SeqNumber _recover;
    private bool _recoverValid;

    /// <param name="smss">Sender maximum segment size in bytes.</param>
    public NewReno(int smss)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(smss, 1);
        _smss = (uint)smss;

        // RFC 5681 §3.1 equation (3): IW = min(4*SMSS, max(2*SMSS, 4380 bytes)).
        Cwnd = Math.Min(4 * _smss, Math.Max(2 * _smss, 4380));

        // RFC 5681 §3.1: the initial ssthresh SHOULD be set arbitrarily high.
        Ssthresh = uint.MaxValue;
    }

    /// <summary>Congestion window in bytes.</summary>
    public uint Cwnd { get; private set; }

    /// <summary>Slow start threshold in bytes.</summary>
    public uint Ssthresh { get; private set; }

    /// <summary>Duplicate ACKs seen in a row.</summary>
    public int DuplicateAcks { get; private set; }

    /// <summary>True between entering fast recovery and the full acknowledgment of <c>recover</c>.</summary>
    public bool InRecovery { get; private set; }

    /// <summary>
    /// An ACK that advanced SND.UNA by <paramref name="acked"/> bytes to <paramref name="ack"/>, leaving
    /// <paramref name="flightAfter"/> bytes outstanding.
    /// </summary>
    public CongestionAction OnNewAck(uint acked, SeqNumber ack, uint flightAfter)
    {
        DuplicateAcks = 0;
        if (InRecovery)
        {
            if (ack.IsAfterOrEqual(_recover))
            {
                // RFC 6582 §3.2 step 5, full acknowledgment, option (1):
                // cwnd = min(ssthresh, max(FlightSize, SMSS) + SMSS); exit fast recovery.
                Cwnd = Math.Min(Ssthresh, Math.Max(flightAfter, _smss) + _smss);
                InRecovery = false;
                return CongestionAction.None;
            }

            // RFC 6582 §3.2 step 5, partial acknowledgment: retransmit the first unacknowledged segment,
            // deflate cwnd by the newly acked amount and add back SMSS if at least SMSS was acked.
            Cwnd = Cwnd > acked ? Cwnd - acked : _smss;
            if (acked >= _smss)
            {
                Cwnd += _smss;
            }

            return CongestionAction.RetransmitHead;
        }

        if (Cwnd < Ssthresh)
        {
            // RFC 5681 §3.1 equation (2): slow start, cwnd += min(N, SMSS).
            Cwnd = SaturatingAdd(Cwnd, Math.Min(acked, _smss));
        }
        else
        {
            // RFC 5681 §3.1 equation (3): congestion avoidance, cwnd += SMSS*SMSS/cwnd, at least one byte.
            Cwnd = SaturatingAdd(Cwnd, Math.Max(1u, (uint)((ulong)_smss * _smss / Cwnd)));
        }

        return CongestionAction.None;
    }

    /// <summary>
    /// A duplicate ACK (RFC 5681 §2 definition) for <paramref name="ack"/>, with <paramref name="flightSize"/> bytes
    /// outstanding and <paramref name="highestSent"/> the sequence number after the highest byte sent.
    /// </summary>
    public CongestionAction OnDuplicateAck(SeqNumber ack, uint flightSize, SeqNumber highestSent)
    {
        DuplicateAcks++;
        if (InRecovery)
        {
            // RFC 5681 §3.2 step 4: inflate cwnd by SMSS for each additional duplicate ACK.
            Cwnd = SaturatingAdd(Cwnd, _smss);
            return CongestionAction.None;
        }

        if (DuplicateAcks != DupThresh)
        {
            return CongestionAction.None;
        }

        // RFC 6582 §3.2 step 2: only enter fast retransmit if the ACK covers more than recover
        // (it avoids a second window reduction for losses from the same flight after a timeout).
        if (_recoverValid && ack.IsBefore(_recover))
        {
            return CongestionAction.None;
        }

        _recover = highestSent;
        _recoverValid = true;
        InRecovery = true;

        // RFC 5681 §3.2 steps 2–3, equation (4): ssthresh = max(FlightSize / 2, 2*SMSS); cwnd = ssthresh + 3*SMSS.
        Ssthresh = Math.Max(flightSize / 2, 2 * _smss);
        Cwnd = SaturatingAdd(Ssthresh, 3 * _smss);
        return CongestionAction.FastRetransmit;
    }

    /// <summary>A retransmission timeout with <paramref name="flightSize"/> bytes outstanding (RFC 5681 §3.1, RFC 6582 §4.1).</summary>
    public void OnRetransmissionTimeout(uint flightSize, SeqNumber highestSent)
    {
        // RFC 5681 §3.1 equation (4) and the following paragraph: ssthresh = max(FlightSize / 2, 2*SMSS), cwnd = LW = 1 SMSS.
        Ssthresh = Math.Max(flightSize / 2, 2 * _smss);
        Cwnd = _smss;
        DuplicateAcks = 0;
        InRecovery = false;

        // RFC 6582 §4.1: after a timeout, recover is set to the highest sequence number transmitted.
        _recover = highestSent;
        _recoverValid = true;
    }

    private static uint SaturatingAdd(uint a, uint b) => a > uint.MaxValue - b ? uint.MaxValue : a + b;
}
