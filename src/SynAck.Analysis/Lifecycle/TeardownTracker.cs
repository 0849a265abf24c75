namespace SynAck.Analysis.Lifecycle;

/// <summary>Facts about how a connection is closing, gathered as packets pass, classified at the end.</summary>
public struct TeardownTracker
{
    /// <summary>Physical side that sent the first FIN or RST while holding a TCB, or -1.</summary>
    public int FirstCloser;

    /// <summary>True when the second FIN was sent before the first had arrived (simultaneous close, §3.6).</summary>
    public bool Simultaneous;

    /// <summary>Physical side of the first FIN, or -1.</summary>
    public int FirstFinSide;

    /// <summary>True when the second side's FIN also acknowledged the first (FIN, FIN+ACK, ACK).</summary>
    public bool SecondFinAckedFirst;

    /// <summary>True when a separate ACK of the first FIN preceded the second FIN (FIN, ACK, FIN, ACK).</summary>
    public bool SeparateAckOfFirstFin;

    /// <summary>True when the side that had not closed sent data after the other side's FIN.</summary>
    public bool DataAfterFin;

    /// <summary>Physical side of the first acceptable RST sent while holding a TCB, or -1.</summary>
    public int ResetSide;

    /// <summary>True when that RST came after a FIN.</summary>
    public bool ResetAfterFin;

    /// <summary>True when the responder refused the connection (RST answering a SYN, no SYN+ACK).</summary>
    public bool Refused;

    /// <summary>Out-of-window RSTs that were ignored.</summary>
    public int IgnoredResets;

    public static TeardownTracker Create() => new() { FirstCloser = -1, FirstFinSide = -1, ResetSide = -1 };
}
