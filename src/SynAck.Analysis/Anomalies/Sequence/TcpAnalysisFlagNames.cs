namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// The Wireshark field names (the part after <c>tcp.analysis.</c>) of <see cref="TcpAnalysisFlags"/>, in bit
/// order. An immutable lookup table: <c>Names[i]</c> belongs to bit <c>1 &lt;&lt; i</c>.
/// </summary>
public static class TcpAnalysisFlagNames
{
    /// <summary>Number of defined flags.</summary>
    public const int Count = 15;

    private static readonly string[] s_names =
    [
        "retransmission", "fast_retransmission", "spurious_retransmission", "out_of_order", "lost_segment",
        "ack_lost_segment", "duplicate_ack", "zero_window", "zero_window_probe", "zero_window_probe_ack",
        "window_full", "window_update", "keep_alive", "keep_alive_ack", "reused_ports",
    ];

    /// <summary>The names, bit 0 first.</summary>
    public static ReadOnlySpan<string> Names => s_names;

    /// <summary>The Wireshark name of a single flag, or null when <paramref name="flag"/> is not exactly one defined bit.</summary>
    public static string? NameOf(TcpAnalysisFlags flag)
    {
        var v = (uint)flag;
        if (v == 0 || (v & (v - 1)) != 0)
        {
            return null;
        }

        var i = System.Numerics.BitOperations.TrailingZeroCount(v);
        return i < Count ? s_names[i] : null;
    }

    /// <summary>Parses a Wireshark name (with or without the <c>tcp.analysis.</c> prefix).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out TcpAnalysisFlags flag)
    {
        const string prefix = "tcp.analysis.";
        if (name.StartsWith(prefix, StringComparison.Ordinal))
        {
            name = name[prefix.Length..];
        }

        for (var i = 0; i < Count; i++)
        {
            if (name.SequenceEqual(s_names[i]))
            {
                flag = (TcpAnalysisFlags)(1 << i);
                return true;
            }
        }

        flag = TcpAnalysisFlags.None;
        return false;
    }

    /// <summary>Writes the names of the set flags, in bit order, into <paramref name="destination"/>; returns how many.</summary>
    public static int GetNames(TcpAnalysisFlags flags, Span<string> destination)
    {
        var n = 0;
        for (var i = 0; i < Count && n < destination.Length; i++)
        {
            if (((uint)flags & (1u << i)) != 0)
            {
                destination[n++] = s_names[i];
            }
        }

        return n;
    }
}
