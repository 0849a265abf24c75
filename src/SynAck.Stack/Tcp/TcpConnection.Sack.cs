using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>
/// Selective acknowledgment, receiver side (RFC 2018): SACK-permitted on the SYNs, and SACK blocks describing the
/// out-of-order data the reassembly buffer holds on every ACK while a gap is open. This stack's sender does not use
/// the peer's blocks (no RFC 6675 scoreboard); it recovers with NewReno.
/// </summary>
public sealed partial class TcpConnection
{
    private bool _peerOfferedSack;
    private SeqNumber _lastOutOfOrder;

    /// <summary>True when both SYNs carried SACK-permitted (RFC 2018 §2), so ACKs report out-of-order blocks.</summary>
    public bool SackEnabled { get; private set; }

    private void ApplySynSack(in TcpRepr seg)
    {
        _peerOfferedSack = seg.SackPermitted;
        SackEnabled = _config.Sack && _peerOfferedSack;
    }

    /// <summary>Notes where the latest out-of-order segment landed: its block is reported first (RFC 2018 §4).</summary>
    private void NoteOutOfOrder(SeqNumber seq) => _lastOutOfOrder = seq;

    /// <summary>
    /// The SACK blocks for an ACK (RFC 2018 §3–§4): the block holding the most recent out-of-order segment first,
    /// then the others in sequence order; <see cref="TcpRepr"/>'s emitter keeps as many as fit the option space.
    /// </summary>
    private SackBlocks CurrentSackBlocks()
    {
        var blocks = default(SackBlocks);
        if (!SackEnabled || !_recv.HasGaps)
        {
            return blocks;
        }

        var ranges = _recv.Ranges;
        var first = -1;
        for (var i = 0; i < ranges.Length; i++)
        {
            if (_lastOutOfOrder.InRange(RcvNxt.Add((uint)ranges[i].Start), RcvNxt.Add((uint)ranges[i].End)))
            {
                first = i;
                blocks = blocks.Add(RcvNxt.Add((uint)ranges[i].Start), RcvNxt.Add((uint)ranges[i].End));
                break;
            }
        }

        for (var i = 0; i < ranges.Length && blocks.Count < SackBlocks.Capacity; i++)
        {
            if (i != first)
            {
                blocks = blocks.Add(RcvNxt.Add((uint)ranges[i].Start), RcvNxt.Add((uint)ranges[i].End));
            }
        }

        return blocks;
    }
}
