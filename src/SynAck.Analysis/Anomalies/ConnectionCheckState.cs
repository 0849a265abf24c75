using SynAck.Wire;

namespace SynAck.Analysis.Anomalies;

/// <summary>Per-connection state of <see cref="ConnectionChecks"/>; side 0 sent the first packet seen.</summary>
internal struct ConnectionCheckState
{
    public IpAddr Address0;
    public ushort Port0;
    public ConnectionSide S0;
    public ConnectionSide S1;

    /// <summary>Side that sent the SYN (-1 unknown).</summary>
    public int Client;
    public bool SynAckSeen;
    public bool HandshakeChecked;
    public bool Established;

    /// <summary>Side whose RST was accepted as genuine-looking (in window), -1 none.</summary>
    public int RstSide;
    public long LastSeenNanos;
}
