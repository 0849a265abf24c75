using System.Text.Json;

namespace SynAck.Cli.Tests;

/// <summary><c>synack ladder</c> with several captures: uids seeded by the capture's index, exactly as <c>synack conns</c>.</summary>
public sealed class LadderCapturesTests
{
    private static string[] ConnsUids(params string[] captures)
    {
        var run = CliRun.Of(["conns", .. captures, "--format", "json", "--threads", "1"]);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        return run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("uid").GetString()!).ToArray();
    }

    [Fact]
    public void Ladder_UidOfSecondCaptureFromConns_SelectsThatConnection()
    {
        var uids = ConnsUids(RepoPaths.Sample, RepoPaths.Sample);
        Assert.Equal(12, uids.Length);
        Assert.Equal(12, uids.Distinct().Count());
        var second = uids[6..];
        foreach (var uid in second)
        {
            var run = CliRun.Of("ladder", RepoPaths.Sample, RepoPaths.Sample, "--conn", uid);
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.StartsWith(uid + "  ", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ladder_UidOfFirstCapture_SameAsConnsOnThatCaptureAlone()
    {
        var together = ConnsUids(RepoPaths.Sample, RepoPaths.Sample);
        Assert.Equal(ConnsUids(RepoPaths.Sample), together[..6]);
        Assert.Equal(SampleUids.All.Order(StringComparer.Ordinal), together[..6].Order(StringComparer.Ordinal));

        var run = CliRun.Of("ladder", RepoPaths.Sample, RepoPaths.Sample, "--conn", SampleUids.V4Refused);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith(SampleUids.V4Refused + "  ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Ladder_SecondCaptureUidGivenOneCapture_IsNotFound()
    {
        var uid = ConnsUids(RepoPaths.Sample, RepoPaths.Sample)[6];

        var run = CliRun.Of("ladder", RepoPaths.Sample, "--conn", uid);

        Assert.Equal(ExitCodes.Input, run.ExitCode);
        Assert.Equal($"synack: {RepoPaths.Sample}: no TCP connection matches --conn {uid}", run.Stderr.TrimEnd('\n'));
    }

    [Fact]
    public void Ladder_NumberWithTwoCaptures_SelectsInTheFirstCapture()
    {
        var run = CliRun.Of("ladder", RepoPaths.Sample, RepoPaths.Sample, "--conn", "1");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith(SampleUids.V4Graceful + "  ", run.Stdout, StringComparison.Ordinal);
    }
}
