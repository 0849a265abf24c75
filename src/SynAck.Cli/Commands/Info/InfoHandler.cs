using SynAck.Cli.Common;
using SynAck.Cli.Output;

namespace SynAck.Cli.Commands.Info;

/// <summary>
/// Runs <c>synack info</c>: summarises each capture and renders it (table on a terminal, plain text when
/// redirected, JSON with --json). A capture that cannot be read is reported on one stderr line and the others
/// are still summarised; the exit code is then 1.
/// </summary>
public sealed class InfoHandler(CliEnvironment environment, TextWriter output)
{
    public int Run(InfoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exit = ExitCodes.Ok;
        var first = true;
        foreach (var path in options.Captures)
        {
            CaptureSummary summary;
            try
            {
                using var reader = CaptureInput.Open(environment, path);
                summary = CaptureSummarizer.Summarize(reader, path, options.VerifyChecksums);
            }
            catch (CliException e) when (options.Captures.Count > 1)
            {
                environment.Error.WriteLine("synack: " + e.Message);
                exit = e.ExitCode;
                continue;
            }

            Render(summary, options.Json, first);
            first = false;
        }

        return exit;
    }

    private void Render(CaptureSummary summary, bool json, bool first)
    {
        if (json)
        {
            output.Flush();
            InfoJsonWriter.Write(environment.Output, summary);
            return;
        }

        if (!first)
        {
            output.WriteLine();
        }

        if (environment.OutputIsTerminal)
        {
            InfoTable.Write(TerminalConsole.Create(output, environment.TerminalWidth), summary);
        }
        else
        {
            InfoTextWriter.Write(output, summary);
        }
    }
}
