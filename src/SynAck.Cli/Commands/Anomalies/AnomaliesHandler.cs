using SynAck.Analysis.Anomalies;
using SynAck.Analysis.Anomalies.Scans;
using SynAck.Analysis.Input;
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
        long packets = 0;
        using (var reader = CaptureInput.Open(environment, options.Capture))
        {
            while (reader.TryReadNext(out var packet))
            {
                packets++;
                PacketDecoder.Decode(packet.LinkType, packet.Data, out var decoded);
                if (TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, options.VerifyChecksums, out var seg)
                    && seg.Checksum != ChecksumStatus.Bad)
                {
                    detector.Process(seg, SegmentExtras.From(decoded));
                }
            }
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
}
