namespace SynAck.Stack;

/// <summary>What a stack saw and did with packets, per reason; bad input is counted, never thrown.</summary>
public sealed class TcpStackCounters
{
    /// <summary>IP packets read from the link.</summary>
    public long PacketsReceived { get; internal set; }

    /// <summary>IP packets written to the link.</summary>
    public long PacketsSent { get; internal set; }

    /// <summary>Packets that did not decode as IP+TCP (any <see cref="Wire.ParseStatus"/> other than Ok).</summary>
    public long Malformed { get; internal set; }

    /// <summary>Packets for another address or protocol.</summary>
    public long NotForUs { get; internal set; }

    /// <summary>IP fragments (the stack does not reassemble IP).</summary>
    public long Fragments { get; internal set; }

    /// <summary>Segments with a bad TCP checksum (RFC 9293 §3.1: discarded).</summary>
    public long BadChecksum { get; internal set; }

    /// <summary>RSTs sent for segments to closed ports (RFC 9293 §3.10.7.1).</summary>
    public long ResetsForClosedPorts { get; internal set; }

    /// <summary>SYNs dropped because a listener's backlog was full.</summary>
    public long ListenOverflows { get; internal set; }
}
