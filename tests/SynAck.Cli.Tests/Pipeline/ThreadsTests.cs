namespace SynAck.Cli.Tests.Pipeline;

/// <summary>
/// <c>--threads</c>: conns and analyze run on the sharded pipeline and must write the same bytes for any number of
/// worker threads (records are merged in a canonical order), for every output format.
/// </summary>
public sealed class ThreadsTests
{
    public static TheoryData<string> Formats => new() { "zeek", "json", "csv", "table" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Conns_SampleOneTwoThreeThreads_IdenticalBytes(string format) =>
        AssertSameForThreads(["conns", "--format", format, RepoPaths.Sample], expectedLines: format == "zeek" ? 15 : format is "csv" or "table" ? 7 : 6);

    [SkippableTheory]
    [InlineData("zeek")]
    [InlineData("json")]
    public void Conns_LabeledOneTwoThreeThreads_IdenticalBytes(string format)
    {
        var labeled = Path.Combine(RepoPaths.Shared, "captures", "labeled.pcap");
        Skip.IfNot(File.Exists(labeled), "../shared/captures/labeled.pcap is not present");
        AssertSameForThreads(["conns", "--format", format, labeled], expectedLines: null);
    }

    [Fact]
    public void Conns_TwoCapturesManyThreads_SameAsOneThread() =>
        AssertSameForThreads(["conns", "--format", "zeek", RepoPaths.Sample, RepoPaths.Sample], expectedLines: 21);

    [Fact]
    public void Analyze_SampleOneTwoThreeThreads_IdenticalBytes() => AssertSameForThreads(["analyze", "--json", RepoPaths.Sample], expectedLines: 1);

    [SkippableFact]
    public void Analyze_LabeledOneTwoThreeThreads_IdenticalBytes()
    {
        var labeled = Path.Combine(RepoPaths.Shared, "captures", "labeled.pcap");
        Skip.IfNot(File.Exists(labeled), "../shared/captures/labeled.pcap is not present");
        AssertSameForThreads(["analyze", labeled], expectedLines: null);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Conns_ThreadsBelowOne_ExitsTwo(string threads)
    {
        var run = CliRun.Of("conns", "--threads", threads, RepoPaths.Sample);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"synack: --threads must be at least 1 (got {threads})\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    private static void AssertSameForThreads(string[] args, int? expectedLines)
    {
        var one = CliRun.Of([.. args, "--threads", "1"]);
        Assert.Equal(ExitCodes.Ok, one.ExitCode);
        Assert.Equal("", one.Stderr);
        if (expectedLines is { } n)
        {
            Assert.Equal(n, one.StdoutLines.Length);
        }
        else
        {
            Assert.True(one.StdoutLines.Length > 10, $"only {one.StdoutLines.Length} lines");
        }

        foreach (var threads in new[] { "2", "3" })
        {
            var many = CliRun.Of([.. args, "--threads", threads]);
            Assert.Equal(ExitCodes.Ok, many.ExitCode);
            Assert.Equal(one.Stdout, many.Stdout);
            Assert.Equal("", many.Stderr);
        }
    }
}
