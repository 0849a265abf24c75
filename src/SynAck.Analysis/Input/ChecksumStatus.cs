namespace SynAck.Analysis.Input;

/// <summary>What the caller found when (and whether) it verified a segment's TCP checksum.</summary>
public enum ChecksumStatus : byte
{
    /// <summary>Not verified (checksum verification off, or not possible, e.g. a truncated capture).</summary>
    NotChecked = 0,

    /// <summary>Verified and correct.</summary>
    Good,

    /// <summary>Verified and wrong: Zeek drops such a packet from analysis and records 'C'/'c' in the history.</summary>
    Bad,
}
