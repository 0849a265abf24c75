using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tracking;

/// <summary>What the tracker made of the last segment: its connection, direction, and both endpoints' states after it.</summary>
public readonly record struct PacketOutcome
{
    public long FrameNumber { get; init; }

    /// <summary>Uid of the connection the segment belongs to.</summary>
    public string Uid { get; init; }

    /// <summary>1-based ordinal of that connection in the capture.</summary>
    public long ConnectionOrdinal { get; init; }

    /// <summary>True when sent by the originator (roles as known at this packet).</summary>
    public bool FromOriginator { get; init; }

    public TcpState OrigState { get; init; }

    public TcpState RespState { get; init; }

    /// <summary>Sequence number relative to the sender's ISN (Zeek's start sequence).</summary>
    public ulong RelativeSeq { get; init; }

    /// <summary>Acknowledgment relative to the receiver's ISN, 0 without ACK.</summary>
    public ulong RelativeAck { get; init; }

    /// <summary>State transitions this segment caused (see <see cref="ConnectionTracker.CopyLastTransitions"/>).</summary>
    public int TransitionCount { get; init; }

    /// <summary>True when dropped for a bad checksum.</summary>
    public bool BadChecksum { get; init; }
}
