using System.CommandLine;
using SynAck.Cli.Common;

namespace SynAck.Cli.Commands.Packets;

/// <summary>Definition of <c>synack packets CAPTURE [--format text|json] [--all]</c>.</summary>
public static class PacketsCommand
{
    public static Command Create(CommonOptions common, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(common);
        var capture = new Argument<string>("CAPTURE") { Description = "pcap or pcapng file (optionally gzip-compressed); '-' reads standard input" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: tcpdump-like lines; json: one object per line (schema in docs/cli.md)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var all = new Option<bool>("--all", "-a") { Description = "In JSON, also write packets that are not TCP (text always lists them)" };
        var command = new Command("packets", "List packets: one tcpdump-like line or one JSON object per packet")
        {
            capture,
            format,
            all,
        };
        command.SetAction(parse => new PacketsHandler(environment, parse.InvocationConfiguration.Output).Run(new PacketsOptions(
            parse.GetRequiredValue(capture), parse.GetValue(format) == "json" ? PacketOutputFormat.Json : PacketOutputFormat.Text, parse.GetValue(all), parse.GetValue(common.VerifyChecksums),
            parse.GetValue(common.NoTunnels))));
        return command;
    }
}
