using System.CommandLine;
using SynAck.Cli.Common;

namespace SynAck.Cli.Commands.Ladder;

/// <summary>Definition of <c>synack ladder CAPTURE... --conn UID|N|A:p-B:p [--absolute]</c>.</summary>
public static class LadderCommand
{
    public static Command Create(CommonOptions common, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(common);
        var captures = new Argument<string[]>("CAPTURE")
        {
            Description = "pcap or pcapng files (optionally gzip-compressed), in the order given to conns (uids depend on it); '-' reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var conn = new Option<string>("--conn", "-c")
        {
            Description = "The connection: its uid (as conns prints it for the same captures), its number in the capture (1 = first connection), or A:port-B:port; with several captures, a number or endpoints select in the first capture that has a match",
            Required = true,
        };
        var absolute = new Option<bool>("--absolute") { Description = "Print absolute sequence and acknowledgment numbers instead of relative to each ISN" };
        var command = new Command("ladder", "Draw one connection as a ladder diagram: a row per packet with both endpoints' RFC 9293 states after it")
        {
            captures,
            conn,
            absolute,
        };
        command.SetAction(parse => new LadderHandler(environment, parse.InvocationConfiguration.Output).Run(new LadderOptions(
            parse.GetRequiredValue(captures), ConnSelector.Parse(parse.GetRequiredValue(conn)), parse.GetValue(absolute),
            parse.GetValue(common.VerifyChecksums), parse.GetValue(common.NoTunnels))));
        return command;
    }
}
