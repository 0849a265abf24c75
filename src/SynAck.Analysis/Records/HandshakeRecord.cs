namespace SynAck.Analysis.Records;

/// <summary>The three-way handshake of one connection as captured. RTTs are split at the capture point, in ns.</summary>
public sealed record HandshakeRecord
{
    /// <summary>SYN, SYN+ACK and ACK all seen and both acknowledgment checks passed.</summary>
    public required bool Valid { get; init; }

    /// <summary>SYN, SYN+ACK and ACK all seen.</summary>
    public required bool Complete { get; init; }

    /// <summary>The SYN sender's initial sequence number.</summary>
    public uint? OrigIsn { get; init; }

    /// <summary>The SYN+ACK sender's initial sequence number.</summary>
    public uint? RespIsn { get; init; }

    /// <summary>SYN (the last one before the SYN+ACK) to SYN+ACK: the capture point to server and back, ns.</summary>
    public long? SynSynAckRttNs { get; init; }

    /// <summary>SYN+ACK to the third ACK: the capture point to client and back, ns.</summary>
    public long? SynAckAckRttNs { get; init; }

    /// <summary>SYNs sent beyond the first.</summary>
    public int SynRetransmissions { get; init; }

    /// <summary>SYN+ACKs sent beyond the first.</summary>
    public int SynAckRetransmissions { get; init; }

    public ushort? OrigMss { get; init; }

    public ushort? RespMss { get; init; }

    /// <summary>Window scale shifts when both sides offered the option (RFC 7323 §2.2), else null.</summary>
    public byte? OrigWindowScale { get; init; }

    public byte? RespWindowScale { get; init; }

    /// <summary>Both sides offered SACK-permitted.</summary>
    public bool SackPermitted { get; init; }

    /// <summary>Both sides sent the timestamps option.</summary>
    public bool Timestamps { get; init; }

    /// <summary>Acknowledgment checks that failed.</summary>
    public IReadOnlyList<HandshakeFinding> Findings { get; init; } = [];
}
