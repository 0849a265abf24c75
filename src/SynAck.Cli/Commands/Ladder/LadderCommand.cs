using System.CommandLine;
using SynAck.Cli.Common;

namespace SynAck.Cli.Commands.Ladder;

/// <summary>Definition of <c>synack ladder CAPTURE --conn UID|N|A:p-B:p [--absolute]</c>.</summary>
public static class LadderCommand
{
    public static Command Create(CommonOptions common, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(common);
        var capture = new Argument<string>("CAPTURE") { Description = "pcap or pcapng file (optionally gzip-compressed); '-' reads standard input" };
        var conn = new Option<string>("--conn", "-c")
        {
            Description = "The connection: its uid (as conns prints it), its number in the capture (1 = first connection), or A:port-B:port",
            Required = true,
        };
        var absolute = new Option<bool>("--absolute") { Description = "Print absolute sequence and acknowledgment numbers instead of relative to each ISN" };
        var command = new Command("ladder", "Draw one connection as a ladder diagram: a row per packet with both endpoints' RFC 9293 states after it")
        {
            capture,
            conn,
            absolute,
        };
        command.SetAction(parse => new LadderHandler(environment, parse.InvocationConfiguration.Output).Run(new LadderOptions(
            parse.GetRequiredValue(capture), ConnSelector.Parse(parse.GetRequiredValue(conn)), parse.GetValue(absolute),
            parse.GetValue(common.VerifyChecksums))));
        return command;
    }
}
