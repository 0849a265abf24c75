using System.Text.Json;

namespace SynAck.Cli.Tests.Anomalies;

public sealed class AnomaliesCommandTests
{
    private static string Labeled => Path.Combine(RepoPaths.Shared, "captures", "labeled.pcap");

    [SkippableFact]
    public void Anomalies_LabeledCaptureJson_ListsTheHpingProbeFindings()
    {
        Skip.IfNot(File.Exists(Labeled), "../shared/captures/labeled.pcap is not present");
        var run = CliRun.Of("anomalies", Labeled, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var ids = run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["SA-FLAG-009", "SA-FLAG-005", "SA-FLAG-006", "SA-FLAG-004", "SA-FLAG-001"], ids);
        var synFin = JsonDocument.Parse(run.StdoutLines[4]).RootElement;
        Assert.Equal("high", synFin.GetProperty("severity").GetString());
        Assert.Equal(2, synFin.GetProperty("count").GetInt32());
        Assert.Equal(2957, synFin.GetProperty("first_frame").GetInt64());
        Assert.Equal("docs/findings/SA-FLAG-001.md", synFin.GetProperty("doc").GetString());
    }

    [SkippableFact]
    public void Anomalies_LabeledCaptureTable_EndsWithCounts()
    {
        Skip.IfNot(File.Exists(Labeled), "../shared/captures/labeled.pcap is not present");
        var run = CliRun.Of("anomalies", Labeled);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("ID ", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal(
            "5 findings; 6150 packets, 6150 TCP segments; flows peak 58 (expired 0, evicted 0), connections peak 58 (expired 0, evicted 0), hosts peak 12 (dropped 0)",
            run.StdoutLines[^1]);
    }

    [Fact]
    public void Anomalies_MissingFile_ExitsWithInputError()
    {
        var run = CliRun.Of("anomalies", "/nonexistent/x.pcap");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("synack: /nonexistent/x.pcap: no such file", run.StderrLines[0]);
    }
}
