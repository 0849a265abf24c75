namespace SynAck.Analysis.Findings;

/// <summary>How much a finding matters to an analyst, lowest first.</summary>
public enum FindingSeverity : byte
{
    /// <summary>Worth knowing; common in healthy traffic.</summary>
    Info,

    /// <summary>Unusual; a misbehaving stack or middlebox, rarely hostile.</summary>
    Low,

    /// <summary>Crafted or spoofed-looking traffic, or a protocol violation that can break connections.</summary>
    Medium,

    /// <summary>Attack patterns: scans, floods, packets no conforming stack sends.</summary>
    High,
}
