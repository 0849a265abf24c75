using SynAck.Analysis.Anomalies;
using SynAck.Analysis.Anomalies.Scans;
using SynAck.Analysis.Input;
using SynAck.Analysis.Pipeline;
using SynAck.Capture;
using SynAck.Cli.Common;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Anomalies;

/// <summary>
/// Runs <c>synack anomalies</c>: feeds every TCP segment of the captures, in order, to one
/// <see cref="AnomalyDetector"/> and writes its findings.
/// </summary>
public sealed class AnomaliesHandler(CliEnvironment environment, TextWriter output)
{
    public int Run(AnomaliesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ScanMinPorts < 1 || options.FloodMinSyns < 1)
        {
            throw CliException.Usage("--scan-min-ports and --flood-min-syns must be at least 1");
        }

        var detector = new AnomalyDetector(new AnomalyOptions
        {
            Scans = new ScanOptions
            {
                MinDistinctPorts = options.ScanMinPorts,
                MinDistinctHosts = options.ScanMinPorts,
                FloodMinSyns = options.FloodMinSyns,
            },
        });
        long packets;
        using (var reader = CaptureInput.Open(environment, options.Capture))
        {
            var consumer = new DetectorConsumer(detector);
            packets = CaptureFeeder.Feed(reader, TrackedCapture.Feed(options.VerifyChecksums), ref consumer);
        }

        var findings = detector.Findings();
        if (options.Format == AnomaliesFormat.Json)
        {
            output.Flush();
            FindingJsonWriter.Write(environment.Output, findings);
        }
        else
        {
            FindingTableWriter.Write(output, findings, new AnomalyRunSummary(packets, detector));
        }

        return ExitCodes.Ok;
    }

    /// <summary>Hands each TCP segment with a usable checksum to the detector.</summary>
    private readonly struct DetectorConsumer(AnomalyDetector detector) : IPacketConsumer
    {
        public void OnSegment(in CapturedPacket packet, in DecodedPacket decoded, in TcpSegment segment)
        {
            if (segment.Checksum != ChecksumStatus.Bad)
            {
                detector.Process(segment, SegmentExtras.From(decoded));
            }
        }

        public void OnOther(in CapturedPacket packet, in DecodedPacket decoded)
        {
        }
    }
}
