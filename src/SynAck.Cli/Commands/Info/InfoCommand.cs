using System.CommandLine;
using SynAck.Cli.Common;

namespace SynAck.Cli.Commands.Info;

/// <summary>Definition of <c>synack info CAPTURE... [--json]</c>: options, arguments and binding.</summary>
public static class InfoCommand
{
    public static Command Create(CommonOptions common, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(common);
        var captures = new Argument<string[]>("CAPTURE")
        {
            Description = "pcap or pcapng files (optionally gzip-compressed); '-' reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per capture instead of text" };
        var command = new Command("info", "Summarise captures, like capinfos: format, link types, packet counts, time span, decode errors")
        {
            captures,
            json,
        };
        command.SetAction(parse => new InfoHandler(environment, parse.InvocationConfiguration.Output).Run(
            new InfoOptions(parse.GetRequiredValue(captures), parse.GetValue(json), parse.GetValue(common.VerifyChecksums))));
        return command;
    }
}
