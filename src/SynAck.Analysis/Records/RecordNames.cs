namespace SynAck.Analysis.Records;

/// <summary>Spellings of the record enums in SynAck's machine-readable outputs.</summary>
public static class RecordNames
{
    private static readonly string[] s_closeKinds =
    [
        "open", "four_way", "three_way", "simultaneous", "half_close", "reset_by_orig", "reset_by_resp", "refused",
        "unanswered", "evicted", "other",
    ];

    private static readonly string[] s_closers = ["none", "orig", "resp", "both"];

    private static readonly string[] s_removal =
        ["closed", "inactivity", "attempt_timeout", "expired", "reused", "end_of_capture", "capacity"];

    // Zeek's Tunnel::Type names, lower case.
    private static readonly string[] s_tunnels = ["none", "ip", "gre", "vxlan", "geneve", "gtpv1", "teredo"];

    public static string ToName(this Wire.TunnelKind kind) => (int)kind < s_tunnels.Length ? s_tunnels[(int)kind] : "unknown";

    public static string ToName(this CloseKind kind) => s_closeKinds[(int)kind];

    public static string ToName(this ActiveCloser closer) => s_closers[(int)closer];

    public static string ToName(this Tracking.RemovalReason reason) => s_removal[(int)reason];
}
