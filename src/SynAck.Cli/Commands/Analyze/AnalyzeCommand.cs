using System.CommandLine;
using SynAck.Cli.Common;

namespace SynAck.Cli.Commands.Analyze;

/// <summary>Definition of <c>synack analyze CAPTURE... [--json]</c>.</summary>
public static class AnalyzeCommand
{
    public static Command Create(CommonOptions common, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(common);
        var captures = new Argument<string[]>("CAPTURE")
        {
            Description = "pcap or pcapng files (optionally gzip-compressed); '-' reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Write the summary as one JSON object" };
        var command = new Command("analyze", "Summarise the TCP traffic: flags and flag combinations, connections by outcome, handshake RTTs and checks, top talkers")
        {
            captures,
            json,
            common.Threads,
            common.Stats,
        };
        command.SetAction(parse => new AnalyzeHandler(environment, parse.InvocationConfiguration.Output).Run(
            new AnalyzeOptions(parse.GetRequiredValue(captures), parse.GetValue(json), parse.GetValue(common.VerifyChecksums),
                PipelineCaptures.ValidThreads(parse.GetValue(common.Threads)), parse.GetValue(common.Stats), parse.GetValue(common.NoTunnels))));
        return command;
    }
}
