namespace SynAck.Analysis.Tracking;

/// <summary>Why a connection's record was emitted.</summary>
public enum RemovalReason : byte
{
    /// <summary>Closed (FIN exchange or RST), then the close delay passed.</summary>
    Closed,

    /// <summary>Idle past the inactivity timeout (evicted).</summary>
    Inactivity,

    /// <summary>An unanswered SYN attempt timed out.</summary>
    AttemptTimeout,

    /// <summary>Half-closed or reset and quiet past the linger time.</summary>
    Expired,

    /// <summary>A new SYN reused the 4-tuple (port reuse) and started a new connection.</summary>
    Reused,

    /// <summary>Still in the table when the capture ended.</summary>
    EndOfCapture,

    /// <summary>Evicted to respect the table's capacity.</summary>
    Capacity,
}
