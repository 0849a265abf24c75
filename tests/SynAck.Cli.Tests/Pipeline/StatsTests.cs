using SynAck.Analysis.Pipeline;
using SynAck.Cli.Common;

namespace SynAck.Cli.Tests.Pipeline;

/// <summary><c>--stats</c> and the progress bar: on standard error only, the bar only when it is a terminal.</summary>
public sealed class StatsTests
{
    [Fact]
    public void RunStatsWriter_OneSecondRun_WritesRatesAndTotals()
    {
        using var error = new StringWriter { NewLine = "\n" };
        RunStatsWriter.Write(error, new RunStats
        {
            Packets = 2_000_000,
            Bytes = 150_000_000,
            Connections = 1234,
            PeakLiveConnections = 99,
            EvictedIdle = 7,
            EvictedCapacity = 1,
            PeakMemoryBytes = 85_300_000,
            Threads = 2,
            Readers = 2,
            Elapsed = TimeSpan.FromMilliseconds(1250),
        });

        Assert.Equal(
            "stats: packets      2000000\n"
            + "stats: elapsed      1.250 s\n"
            + "stats: packets/s    1600000\n"
            + "stats: MB/s         120.0\n"
            + "stats: input MB     150.0\n"
            + "stats: connections  1234\n"
            + "stats: peak live    99\n"
            + "stats: evictions    7 idle, 1 capacity\n"
            + "stats: peak memory  85.3 MB\n"
            + "stats: threads      2, each reading the capture\n",
            error.ToString());
    }

    [Fact]
    public void RunStatsWriter_ZeroElapsed_PrintsDashForRates()
    {
        using var error = new StringWriter { NewLine = "\n" };
        RunStatsWriter.Write(error, new RunStats { Packets = 5, Threads = 1 });

        Assert.Contains("stats: packets/s    -\n", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("stats: MB/s         -\n", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("stats: peak memory  -\n", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    public void Conns_SampleStats_WritesCountsOnStandardErrorOnly(string threads)
    {
        var plain = CliRun.Of("conns", "--format", "zeek", RepoPaths.Sample);
        var run = CliRun.Of(["conns", "--format", "zeek", "--stats", "--threads", threads, RepoPaths.Sample], peakMemory: () => 42_000_000);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(plain.Stdout, run.Stdout);
        var lines = run.StderrLines;
        Assert.Equal(10, lines.Length);
        Assert.Equal("stats: packets      38", lines[0]);
        Assert.Equal("stats: input MB     0.0", lines[4]);
        Assert.Equal("stats: connections  6", lines[5]);
        Assert.Equal("stats: evictions    0 idle, 0 capacity", lines[7]);
        Assert.Equal("stats: peak memory  42.0 MB", lines[8]);
        Assert.Equal("stats: threads      " + (threads == "1" ? "1" : threads + ", each reading the capture"), lines[9]);
    }

    [Fact]
    public void Conns_StdinStats_OneThreadReadsForTheOthers_SameRows()
    {
        var fromFile = CliRun.Of("conns", "--format", "zeek", "--threads", "2", RepoPaths.Sample);
        var run = CliRun.Of(["conns", "--format", "zeek", "--stats", "--threads", "2", "-"], stdin: File.ReadAllBytes(RepoPaths.Sample));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(fromFile.Stdout, run.Stdout);
        Assert.Equal("stats: connections  6", run.StderrLines[5]);
        Assert.Equal("stats: threads      2, one reading the capture", run.StderrLines[9]);
    }

    [Fact]
    public void Analyze_SampleStats_CountsEveryPacket()
    {
        var run = CliRun.Of("analyze", "--json", "--stats", "--threads", "2", RepoPaths.Sample);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("stats: packets      38", run.StderrLines[0]);
        Assert.Equal("stats: connections  6", run.StderrLines[5]);
    }

    [Fact]
    public void Conns_ErrorRedirected_NoProgressOutput()
    {
        var run = CliRun.Of(["conns", "--format", "zeek", RepoPaths.Sample], errorTerminal: false);

        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Conns_ErrorIsTerminal_DrawsProgressOnStandardErrorOnly()
    {
        var plain = CliRun.Of("conns", "--format", "zeek", RepoPaths.Sample);
        var run = CliRun.Of(["conns", "--format", "zeek", RepoPaths.Sample], errorTerminal: true);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(plain.Stdout, run.Stdout);
        Assert.Contains("sample.pcap", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(" packets/s  0 live", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("100%", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ProgressDisplay_Describe_ComputesRateFromElapsed()
    {
        var text = ProgressDisplay.Describe("big.pcap", new PipelineProgress(12_345_678, 100_000_000, 300_000, 1500, TimeSpan.FromSeconds(2)));

        Assert.Equal("big.pcap  12.3 MB  150000 packets/s  1500 live", text);
    }

    [Fact]
    public void ProgressDisplay_DescribeNoTimeYet_ShowsDash()
    {
        var text = ProgressDisplay.Describe("-", new PipelineProgress(10, null, 1, 0, TimeSpan.Zero));

        Assert.Equal("-  0.0 MB  - packets/s  0 live", text);
    }
}
