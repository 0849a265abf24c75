using SynAck.Analysis.Tracking;

namespace SynAck.Cli.Tests;

/// <summary>
/// The uids of the sample's six connections, from the analysis library's uid scheme (seed 0 for a capture given
/// alone, keyed by the connection's first frame), so the exact-output tests do not restate its hash.
/// </summary>
internal static class SampleUids
{
    public static string V4Graceful { get; } = ConnUid.Create(0, 1);

    public static string V4Refused { get; } = ConnUid.Create(0, 11);

    public static string V4Reset { get; } = ConnUid.Create(0, 13);

    public static string V6Graceful { get; } = ConnUid.Create(0, 19);

    public static string V6Refused { get; } = ConnUid.Create(0, 29);

    public static string V6Reset { get; } = ConnUid.Create(0, 31);

    public static string[] All => [V4Graceful, V4Refused, V4Reset, V6Graceful, V6Refused, V6Reset];
}
