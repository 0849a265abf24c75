namespace SynAck.Cli.Tests;

public sealed class ErrorHandlingTests
{
    [Fact]
    public void Run_UnknownCommand_ExitsTwoWithOneLine()
    {
        var run = CliRun.Of("bogus");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("synack: unrecognized command or argument 'bogus' (see 'synack --help')\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Run_NoCommand_ExitsTwo()
    {
        var run = CliRun.Of([]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("synack: Required command was not provided. (see 'synack --help')\n", run.Stderr);
    }

    [Fact]
    public void Packets_MissingCapture_ExitsTwo()
    {
        var run = CliRun.Of("packets");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("synack: Required argument missing for command: 'packets'. (see 'synack --help')\n", run.Stderr);
    }

    [Fact]
    public void Packets_UnknownFormat_ExitsTwoNamingTheChoices()
    {
        var run = CliRun.Of("packets", RepoPaths.Sample, "--format", "xml");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("synack: Argument 'xml' not recognized. Must be one of: 'text' 'json' (see 'synack --help')\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Packets_UnknownOption_ExitsTwo()
    {
        var run = CliRun.Of("packets", RepoPaths.Sample, "--colour");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("synack: unrecognized command or argument '--colour' (see 'synack --help')\n", run.Stderr);
    }

    [Fact]
    public void Info_MissingFile_ExitsOneWithOneLine()
    {
        var path = Path.Combine(Path.GetTempPath(), "synack-missing-" + Guid.NewGuid().ToString("N") + ".pcap");

        var run = CliRun.Of("info", path);

        Assert.Equal(ExitCodes.Input, run.ExitCode);
        Assert.Equal($"synack: {path}: no such file\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Packets_Directory_ExitsOne()
    {
        var dir = Path.GetTempPath().TrimEnd('/');

        var run = CliRun.Of("packets", dir);

        Assert.Equal(ExitCodes.Input, run.ExitCode);
        Assert.Equal($"synack: {dir}: is a directory\n", run.Stderr);
    }

    [Fact]
    public void Packets_TextFile_ExitsOneNamingTheMagic()
    {
        using var file = new TempFile("hello world, not a capture\n"u8.ToArray(), ".txt");

        var run = CliRun.Of("packets", file.Path, "--format", "json");

        Assert.Equal(ExitCodes.Input, run.ExitCode);
        Assert.Equal($"synack: {file.Path}: not a pcap or pcapng capture (magic 0x68656c6c)\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Info_OneOfTwoCapturesMissing_SummarisesTheOtherAndExitsOne()
    {
        var missing = Path.Combine(Path.GetTempPath(), "synack-missing-" + Guid.NewGuid().ToString("N") + ".pcap");

        var run = CliRun.Of("info", missing, RepoPaths.Sample, "--json");

        Assert.Equal(ExitCodes.Input, run.ExitCode);
        Assert.Equal($"synack: {missing}: no such file\n", run.Stderr);
        Assert.Single(run.StdoutLines);
        Assert.StartsWith("{\"schema\":1,\"file\":\"" + RepoPaths.Sample + "\"", run.StdoutLines[0]);
    }

    [Fact]
    public void Help_ListsTheCommandsAndExitsZero()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("  info ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  packets ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--verify-checksums", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }
}
