using System.CommandLine;
using SynAck.Cli.Common;

namespace SynAck.Cli.Commands.Anomalies;

/// <summary>Definition of <c>synack anomalies CAPTURE [--format table|json]</c>.</summary>
public static class AnomaliesCommand
{
    public static Command Create(CommonOptions common, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(common);
        var capture = new Argument<string>("CAPTURE")
        {
            Description = "pcap or pcapng file (optionally gzip-compressed); '-' reads standard input",
        };
        var format = new Option<AnomaliesFormat>("--format") { Description = "table (default) or json (one object per finding per line)" };
        var scanPorts = new Option<int>("--scan-min-ports")
        {
            Description = "Distinct ports (or hosts) a source must probe to be reported as a scan",
            DefaultValueFactory = _ => 20,
        };
        var floodSyns = new Option<int>("--flood-min-syns")
        {
            Description = "Unanswered SYNs to one service before it is reported as SYN-flooded",
            DefaultValueFactory = _ => 1000,
        };
        var command = new Command("anomalies", "Report suspicious flags, handshakes, resets, scans and floods, each with a stable id and evidence")
        {
            capture,
            format,
            scanPorts,
            floodSyns,
        };
        command.SetAction(parse => new AnomaliesHandler(environment, parse.InvocationConfiguration.Output).Run(
            new AnomaliesOptions(
                parse.GetRequiredValue(capture),
                parse.GetValue(format),
                parse.GetValue(common.VerifyChecksums),
                parse.GetValue(scanPorts),
                parse.GetValue(floodSyns))));
        return command;
    }
}
