using System.Runtime.CompilerServices;

namespace SynAck.Analysis.Input;

/// <summary>
/// The TCP options the lifecycle analysis uses (RFC 9293 §3.2 MSS, RFC 7323 window scale and timestamps,
/// RFC 2018 SACK-permitted), flattened into a small value so a segment carries no span.
/// </summary>
public readonly record struct TcpOptionSummary
{
    private readonly ushort _mss;
    private readonly sbyte _windowScale;
    private readonly bool _sackPermitted;
    private readonly bool _hasTimestamps;
    private readonly uint _tsVal;
    private readonly uint _tsEcr;

    /// <summary>Maximum segment size offered, or 0 when the option is absent.</summary>
    public ushort Mss { get => _mss; init => _mss = value; }

    /// <summary>Window scale shift offered, or -1 when the option is absent.</summary>
    public sbyte WindowScale { get => _windowScale; init => _windowScale = value; }

    /// <summary>True when SACK-permitted was offered.</summary>
    public bool SackPermitted { get => _sackPermitted; init => _sackPermitted = value; }

    /// <summary>True when the timestamps option is present.</summary>
    public bool HasTimestamps { get => _hasTimestamps; init => _hasTimestamps = value; }

    /// <summary>TSval when <see cref="HasTimestamps"/>.</summary>
    public uint TsVal { get => _tsVal; init => _tsVal = value; }

    /// <summary>TSecr when <see cref="HasTimestamps"/>.</summary>
    public uint TsEcr { get => _tsEcr; init => _tsEcr = value; }

    /// <summary>No options at all.</summary>
    public static TcpOptionSummary None => new() { WindowScale = -1 };

    /// <summary>
    /// Writes a summary field by field into <paramref name="summary"/> (a segment's, in place): a returned value is
    /// built in a temporary and copied with 16-byte loads of fields just written in smaller pieces, which stall.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Write(
        ref TcpOptionSummary summary, ushort mss, sbyte windowScale, bool sackPermitted, bool hasTimestamps, uint tsVal, uint tsEcr)
    {
        Unsafe.AsRef(in summary._mss) = mss;
        Unsafe.AsRef(in summary._windowScale) = windowScale;
        Unsafe.AsRef(in summary._sackPermitted) = sackPermitted;
        Unsafe.AsRef(in summary._hasTimestamps) = hasTimestamps;
        Unsafe.AsRef(in summary._tsVal) = tsVal;
        Unsafe.AsRef(in summary._tsEcr) = tsEcr;
    }
}
