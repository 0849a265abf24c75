namespace SynAck.Analysis.Records;

/// <summary>Who closed first: sent the first FIN or RST while holding a connection.</summary>
public enum ActiveCloser : byte
{
    None,
    Orig,
    Resp,

    /// <summary>Simultaneous close: each FIN was sent before the other arrived.</summary>
    Both,
}
