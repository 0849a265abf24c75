namespace SynAck.Analysis.Anomalies;

/// <summary>What the connection checks remember about one endpoint of a connection (as its sender).</summary>
internal struct ConnectionSide
{
    public bool SentSyn;
    public uint Isn;
    public bool HasNext;

    /// <summary>Highest sequence number this endpoint has sent (SND.NXT as seen), valid with <see cref="HasNext"/>.</summary>
    public uint Next;
    public bool HasAck;

    /// <summary>Last acknowledgment this endpoint sent: its RCV.NXT.</summary>
    public uint LastAck;

    /// <summary>Last window this endpoint advertised, scaled (RCV.WND).</summary>
    public long Window;
    public int WindowScale;
    public bool SentFin;
    public uint FinSeq;
    public bool SentRst;
    public long RstFrame;
}
