using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Wire;
using Xunit.Abstractions;

namespace SynAck.Analysis.Tests.Anomalies;

/// <summary>
/// The labeled capture holds real kernel traffic plus a handful of hping3 probes (one per flag combination, per
/// port): the probes raise their header findings, nothing raises a scan, flood or storm.
/// </summary>
public sealed class LabeledCaptureFindingTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void LabeledCapture_Findings_AreTheProbesAndNoScans()
    {
        var path = RepoPaths.Shared("captures", "labeled.pcap");
        Skip.IfNot(File.Exists(path), "../shared/captures/labeled.pcap is not present");
        var (findings, _) = AnomalyRun.File(path);
        foreach (var f in findings)
        {
            output.WriteLine($"{f.Id} {f.Source}:{f.SourcePort} -> {f.Destination}:{f.DestinationPort} count {f.Count} frames {string.Join(',', f.ExampleFrames)} {f.Detail}");
        }

        Assert.DoesNotContain(findings, f => f.Id.StartsWith("SA-SCAN", StringComparison.Ordinal) || f.Id.StartsWith("SA-FLOOD", StringComparison.Ordinal));
        var loopback = IpAddr.FromV4(0x7F000001);
        var synFin = Assert.Single(findings, f => f.Id == "SA-FLAG-001");
        Assert.Equal((loopback, 2L), (synFin.Source!.Value, synFin.Count));
        Assert.Equal(2L, Assert.Single(findings, f => f.Id == "SA-FLAG-004").Count);
        Assert.Equal(2L, Assert.Single(findings, f => f.Id == "SA-FLAG-005").Count);
    }
}
