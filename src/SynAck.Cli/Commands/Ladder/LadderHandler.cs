using SynAck.Analysis.Tracking;
using SynAck.Cli.Common;
using SynAck.Cli.Output;

namespace SynAck.Cli.Commands.Ladder;

/// <summary>Runs <c>synack ladder</c>: tracks the capture, keeps the selected connection's packets and draws them.</summary>
public sealed class LadderHandler(CliEnvironment environment, TextWriter output)
{
    public int Run(LadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = Collect(environment, options);
        if (environment.OutputIsTerminal)
        {
            LadderWriter.WriteTerminal(TerminalConsole.Create(output, environment.TerminalWidth), result, options.Absolute);
        }
        else
        {
            LadderWriter.WritePlain(output, result, options.Absolute);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Runs the tracker over the capture and returns the selected connection, or throws an input error.</summary>
    public static LadderResult Collect(CliEnvironment environment, LadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var reader = CaptureInput.Open(environment, options.Capture);
        var collector = new LadderCollector(options.Connection);
        var tracker = new ConnectionTracker(TrackedCapture.Options(0, options.VerifyChecksums, recordTransitions: false), collector);
        collector.Tracker = tracker;
        TrackedCapture.Run(reader, tracker, options.VerifyChecksums, collector);
        TrackedCapture.ReportWarnings(environment, options.Capture, reader);
        return collector.Result()
            ?? throw CliException.Input($"{options.Capture}: no TCP connection matches --conn {options.Connection.Text}");
    }
}
