using System.CommandLine;

namespace SynAck.Cli.Commands.Dev;

/// <summary>Definition of the hidden <c>synack dev</c> group: tools for developing and measuring SynAck itself.</summary>
public static class DevCommand
{
    public static Command Create(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var input = new Argument<string>("IN") { Description = "capture to repeat" };
        var output = new Argument<string>("OUT") { Description = "pcap file to write" };
        var times = new Option<int>("--times", "-n") { Description = "number of copies", DefaultValueFactory = _ => 10 };
        var multiply = new Command("multiply", "Concatenate a capture N times with shifted time and addresses (scale tests)")
        {
            input,
            output,
            times,
        };
        multiply.SetAction(parse =>
        {
            var n = parse.GetValue(times);
            if (n < 1 || n > 65535)
            {
                throw CliException.Usage("--times must be between 1 and 65535");
            }

            var inPath = parse.GetRequiredValue(input);
            if (!File.Exists(inPath))
            {
                throw CliException.Input($"{inPath}: no such file");
            }

            using var file = File.Create(parse.GetRequiredValue(output));
            var packets = CaptureMultiplier.Multiply(inPath, file, n);
            environment.Error.WriteLine($"wrote {packets} packets ({n} copies)");
            return ExitCodes.Ok;
        });
        return new Command("dev", "Developer tools (hidden)") { Hidden = true, Subcommands = { multiply } };
    }
}
