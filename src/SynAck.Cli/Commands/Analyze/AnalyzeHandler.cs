using SynAck.Analysis.Anomalies;
using SynAck.Analysis.Anomalies.Sequence;
using SynAck.Analysis.Findings;
using SynAck.Analysis.Input;
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
/// object. Packets are counted, and checked for anomalies (findings summarized per severity and id, with the top
/// examples), on the reading thread; records arrive there in canonical order.
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
        var counter = new PacketCounter(builder, options.VerifyChecksums);
        var totals = new SequenceTotals();
        var findings = new List<Finding>();
        var captureOf = new Dictionary<Finding, string>(ReferenceEqualityComparer.Instance);
        try
        {
            for (var i = 0; i < readers.Count; i++)
            {
                var (path, reader) = readers[i];
                counter.Detector = new AnomalyDetector();
                runs.Run(i, path, reader, onRecord: r => { builder.OnConnection(r); totals.Add(r); }, observer: counter);
                foreach (var finding in counter.Detector.Findings())
                {
                    findings.Add(finding);
                    captureOf[finding] = path;
                }

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
        var depth = new AnalyzeFindings(FindingSummary.Create(findings), totals, names.Count > 1 ? f => captureOf[f] : null);
        if (options.Json)
        {
            output.Flush();
            AnalyzeJsonWriter.Write(environment.Output, names, summary, depth);
        }
        else if (environment.OutputIsTerminal)
        {
            AnalyzeTerminalWriter.Write(TerminalConsole.Create(output, environment.TerminalWidth), Sections(names, summary, depth));
        }
        else
        {
            AnalyzeTextWriter.Write(output, Sections(names, summary, depth));
        }

        return exit;
    }

    private static List<AnalyzeSection> Sections(IReadOnlyList<string> names, CaptureSummary summary, AnalyzeFindings depth) =>
        [.. AnalyzeSections.Build(names, summary), .. AnalyzeFindingSections.Build(depth)];

    /// <summary>
    /// Counts every packet in the summary (flags of TCP segments, why the others were skipped) and runs the anomaly
    /// detector over the TCP segments, in capture order on the reading thread (as <c>synack anomalies</c> does).
    /// </summary>
    private sealed class PacketCounter(CaptureSummaryBuilder builder, bool verifyChecksums) : IPacketObserver
    {
        public AnomalyDetector Detector { get; set; } = new();

        public void OnPacket(in CapturedPacket packet, in DecodedPacket decoded, bool tracked)
        {
            if (tracked)
            {
                builder.AddPacket(decoded.Tcp.Flags);
                if (TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, verifyChecksums, out var segment)
                    && segment.Checksum != ChecksumStatus.Bad)
                {
                    Detector.Process(segment, SegmentExtras.From(decoded));
                }
            }
            else
            {
                builder.AddSkipped(decoded.Status == ParseStatus.Ok ? ParseStatus.NotTcp : decoded.Status);
            }
        }
    }
}
