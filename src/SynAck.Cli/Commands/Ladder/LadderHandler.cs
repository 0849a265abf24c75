using SynAck.Analysis.Tracking;
using SynAck.Cli.Common;
using SynAck.Cli.Output;

namespace SynAck.Cli.Commands.Ladder;

/// <summary>Runs <c>synack ladder</c>: tracks the captures, keeps the selected connection's packets and draws them.</summary>
public sealed class LadderHandler(CliEnvironment environment, TextWriter output)
{
    public int Run(LadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = Collect(environment, options, out var exit);
        if (environment.OutputIsTerminal)
        {
            LadderWriter.WriteTerminal(TerminalConsole.Create(output, environment.TerminalWidth), result, options.Absolute);
        }
        else
        {
            LadderWriter.WritePlain(output, result, options.Absolute);
        }

        return exit;
    }

    /// <summary>
    /// Runs the tracker over the captures in order until one holds the selected connection, and returns it, or
    /// throws an input error. Capture i is tracked with uid seed i, exactly as <c>synack conns</c> numbers them, so a
    /// uid printed by conns for the same capture list selects the same connection here. A connection number or
    /// endpoints select in the first capture that has a match. <paramref name="exit"/> is 1 when a capture could not
    /// be opened (reported on standard error) and the connection was found in another.
    /// </summary>
    public static LadderResult Collect(CliEnvironment environment, LadderOptions options, out int exit)
    {
        ArgumentNullException.ThrowIfNull(options);
        exit = CaptureInput.OpenAll(environment, options.Captures, out var readers);
        try
        {
            for (var i = 0; i < readers.Count; i++)
            {
                var (path, reader) = readers[i];
                var collector = new LadderCollector(options.Connection);
                var tracker = new ConnectionTracker(TrackedCapture.Options(i, options.VerifyChecksums, recordTransitions: false), collector);
                collector.Tracker = tracker;
                TrackedCapture.Run(reader, tracker, options.VerifyChecksums, collector, options.NoTunnels);
                TrackedCapture.ReportWarnings(environment, path, reader);
                if (collector.Result() is { } result)
                {
                    return result;
                }
            }
        }
        finally
        {
            foreach (var (_, reader) in readers)
            {
                reader.Dispose();
            }
        }

        var names = string.Join(", ", options.Captures);
        throw CliException.Input($"{names}: no TCP connection matches --conn {options.Connection.Text}");
    }
}
