namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>Runs tshark and the analyzer over ../shared/captures/labeled.pcap once for all differential tests.</summary>
public sealed class LabeledDifferentialFixture
{
    private readonly Lazy<TsharkDifferential> _run = new(() => TsharkDifferential.Run(Path));

    public static string Path => RepoPaths.Shared("captures", "labeled.pcap");

    /// <summary>Why the comparison cannot run here, or null when it can.</summary>
    public static string? Unavailable =>
        !File.Exists(Path) ? "../shared/captures/labeled.pcap is not present"
        : !ExternalTool.Exists("tshark") ? "tshark is not installed"
        : null;

    internal TsharkDifferential Result => _run.Value;
}
