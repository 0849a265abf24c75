namespace SynAck.Capture;

/// <summary>Why a format reader's TryReadPacket returned what it did.</summary>
public enum CaptureReadStatus : byte
{
    /// <summary>A packet was read.</summary>
    Ok,

    /// <summary>The buffer ends inside a record and more input may follow: refill and resume from the state.</summary>
    NeedMoreData,

    /// <summary>The final block ended exactly at a record boundary.</summary>
    EndOfData,

    /// <summary>The final block ended inside a record (see the reader's Problem).</summary>
    Truncated,

    /// <summary>A record or block is malformed; reading cannot continue safely (see the reader's Problem).</summary>
    Corrupt,
}
