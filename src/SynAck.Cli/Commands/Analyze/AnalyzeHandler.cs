using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Summary;
using SynAck.Capture;
using SynAck.Cli.Common;
using SynAck.Cli.Output;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Analyze;

/// <summary>
/// Runs <c>synack analyze</c>: one summary over all the captures (each on its own <see cref="ConnPipeline"/>, with
/// <c>--threads</c> workers), rendered as sections of plain text, Spectre.Console tables on a terminal, or one JSON
/// object. Packets are counted on the reading thread; records arrive there in canonical order.
/// </summary>
public sealed class AnalyzeHandler(CliEnvironment environment, TextWriter output)
{
    public int Run(AnalyzeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exit = CaptureInput.OpenAll(environment, options.Captures, out var readers);
        var builder = new CaptureSummaryBuilder();
        var names = new List<string>(readers.Count);
        var runs = new PipelineCaptures(environment, options.Threads, options.VerifyChecksums, options.NoTunnels);
        var counter = new PacketCounter(builder);
        try
        {
            for (var i = 0; i < readers.Count; i++)
            {
                var (path, reader) = readers[i];
                runs.Run(i, path, reader, onRecord: builder.OnConnection, observer: counter);
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

        if (options.Stats)
        {
            runs.WriteStats();
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

    /// <summary>Counts every packet in the summary (flags of TCP segments, why the others were skipped).</summary>
    private sealed class PacketCounter(CaptureSummaryBuilder builder) : IPacketObserver
    {
        public void OnPacket(in CapturedPacket packet, in DecodedPacket decoded, bool tracked)
        {
            if (tracked)
            {
                builder.AddPacket(decoded.Tcp.Flags);
            }
            else
            {
                builder.AddSkipped(decoded.Status == ParseStatus.Ok ? ParseStatus.NotTcp : decoded.Status);
            }
        }
    }
}
