using System.CommandLine;
using SynAck.Cli.Common;

namespace SynAck.Cli.Commands.Conns;

/// <summary>Definition of <c>synack conns CAPTURE... [--format table|zeek|json|csv|parquet]</c>.</summary>
public static class ConnsCommand
{
    public static Command Create(CommonOptions common, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(common);
        var captures = new Argument<string[]>("CAPTURE")
        {
            Description = "pcap or pcapng files (optionally gzip-compressed); '-' reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "table (terminal table, aligned text when redirected), zeek (conn.log TSV), json (one object per line), csv, parquet (a Parquet file; redirect standard output)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "zeek", "json", "csv", "parquet");
        var command = new Command("conns", "List TCP connections: Zeek conn.log fields plus each endpoint's final RFC 9293 state, close kind and handshake")
        {
            captures,
            format,
            common.Threads,
            common.Stats,
        };
        command.SetAction(parse => new ConnsHandler(environment, parse.InvocationConfiguration.Output).Run(new ConnsOptions(
            parse.GetRequiredValue(captures), Parse(parse.GetValue(format)), parse.GetValue(common.VerifyChecksums),
            PipelineCaptures.ValidThreads(parse.GetValue(common.Threads)), parse.GetValue(common.Stats), parse.GetValue(common.NoTunnels))));
        return command;
    }

    private static ConnOutputFormat Parse(string? format) => format switch
    {
        "zeek" => ConnOutputFormat.Zeek,
        "json" => ConnOutputFormat.Json,
        "csv" => ConnOutputFormat.Csv,
        "parquet" => ConnOutputFormat.Parquet,
        _ => ConnOutputFormat.Table,
    };
}
