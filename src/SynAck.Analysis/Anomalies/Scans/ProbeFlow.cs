using SynAck.Wire;

namespace SynAck.Analysis.Anomalies.Scans;

/// <summary>What the scan detector remembers about one 4-tuple.</summary>
internal struct ProbeFlow
{
    public IpAddr Initiator;
    public ushort InitiatorPort;
    public IpAddr Responder;
    public ushort ResponderPort;
    public ScanKind Kind;
    public long FirstFrame;
    public long FirstNanos;
    public long LastNanos;
    public int InitiatorPackets;
    public bool Payload;
    public bool ResponderSynAck;
    public bool ResponderOther;
    public bool Completed;
}
