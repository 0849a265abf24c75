using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Summary;
using SynAck.Analysis.Tracking;
using SynAck.Cli.Common;
using SynAck.Cli.Output;

namespace SynAck.Cli.Commands.Analyze;

/// <summary>
/// Runs <c>synack analyze</c>: one summary over all the captures (each with its own connection tracker), rendered
/// as sections of plain text, Spectre.Console tables on a terminal, or one JSON object.
/// </summary>
public sealed class AnalyzeHandler(CliEnvironment environment, TextWriter output)
{
    public int Run(AnalyzeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exit = CaptureInput.OpenAll(environment, options.Captures, out var readers);
        var builder = new CaptureSummaryBuilder();
        var names = new List<string>(readers.Count);
        try
        {
            for (var i = 0; i < readers.Count; i++)
            {
                var (path, reader) = readers[i];
                var tracker = new ConnectionTracker(TrackedCapture.Options(i, options.VerifyChecksums), builder);
                CaptureFeeder.Run(reader, tracker, builder, options.VerifyChecksums, decode: CommonOptions.Decode(options.NoTunnels));
                TrackedCapture.ReportWarnings(environment, path, reader);
                names.Add(path);
            }
        }
        finally
        {
            foreach (var (_, reader) in readers)
            {
                reader.Dispose();
            }
        }

        if (names.Count == 0)
        {
            return exit;
        }

        var summary = builder.Build();
        if (options.Json)
        {
            output.Flush();
            AnalyzeJsonWriter.Write(environment.Output, names, summary);
        }
        else if (environment.OutputIsTerminal)
        {
            AnalyzeTerminalWriter.Write(TerminalConsole.Create(output, environment.TerminalWidth), AnalyzeSections.Build(names, summary));
        }
        else
        {
            AnalyzeTextWriter.Write(output, AnalyzeSections.Build(names, summary));
        }

        return exit;
    }
}
