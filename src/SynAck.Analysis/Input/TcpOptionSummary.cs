namespace SynAck.Analysis.Input;

/// <summary>
/// The TCP options the lifecycle analysis uses (RFC 9293 §3.2 MSS, RFC 7323 window scale and timestamps,
/// RFC 2018 SACK-permitted), flattened into a small value so a segment carries no span.
/// </summary>
public readonly record struct TcpOptionSummary
{
    /// <summary>Maximum segment size offered, or 0 when the option is absent.</summary>
    public ushort Mss { get; init; }

    /// <summary>Window scale shift offered, or -1 when the option is absent.</summary>
    public sbyte WindowScale { get; init; }

    /// <summary>True when SACK-permitted was offered.</summary>
    public bool SackPermitted { get; init; }

    /// <summary>True when the timestamps option is present.</summary>
    public bool HasTimestamps { get; init; }

    /// <summary>TSval when <see cref="HasTimestamps"/>.</summary>
    public uint TsVal { get; init; }

    /// <summary>TSecr when <see cref="HasTimestamps"/>.</summary>
    public uint TsEcr { get; init; }

    /// <summary>No options at all.</summary>
    public static TcpOptionSummary None => new() { WindowScale = -1 };
}
