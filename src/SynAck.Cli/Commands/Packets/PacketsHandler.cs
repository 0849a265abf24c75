using SynAck.Analysis.Input;
using SynAck.Analysis.Lifecycle;
using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Tracking;
using SynAck.Capture;
using SynAck.Cli.Common;
using SynAck.Cli.Output;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Packets;

/// <summary>
/// Runs <c>synack packets</c>: reads the capture once, decodes every packet, feeds TCP segments to a connection
/// tracker (so JSON lines carry the connection uid and the RFC 9293 state transitions each packet caused) and to a
/// Wireshark-compatible sequence analyzer (each TCP packet's <c>tcp.analysis.*</c> flags, ACK RTT and initial RTT),
/// and writes it as text or JSON. Reader warnings (a truncated tail, a corrupt block) go to standard error with their
/// byte offsets; the packets before them are still written.
/// </summary>
public sealed class PacketsHandler(CliEnvironment environment, TextWriter output)
{
    public int Run(PacketsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var reader = CaptureInput.Open(environment, options.Capture);
        if (options.Format == PacketOutputFormat.Json)
        {
            output.Flush();
            using var json = new PacketJsonWriter(environment.Output);
            var tracker = new ConnectionTracker(TrackedCapture.Options(0, options.VerifyChecksums), new RecordSink(_ => { }));
            TrackedCapture.Run(reader, tracker, options.VerifyChecksums, new JsonObserver(json, tracker, options, new PacketSequenceAnalysis()), options.NoTunnels);
        }
        else
        {
            var text = new TextConsumer(new PacketTextWriter(output), options.VerifyChecksums, new PacketSequenceAnalysis());
            CaptureFeeder.Feed(reader, TrackedCapture.Feed(options.VerifyChecksums, options.NoTunnels), ref text);
        }

        TrackedCapture.ReportWarnings(environment, options.Capture, reader);
        return ExitCodes.Ok;
    }

    private static PacketChecks Check(in DecodedPacket p, bool verify)
    {
        if (!verify)
        {
            return default;
        }

        bool? ip = PacketChecksums.TryVerifyIpv4Header(p, out var ipOk) ? ipOk : null;
        bool? tcp = p.HasTcp && PacketChecksums.TryVerifyTcp(p, out var tcpOk) ? tcpOk : null;
        return new PacketChecks(true, ip, tcp);
    }

    /// <summary>Writes each packet as the tracker saw it: with its connection and transitions when it was tracked.</summary>
    private sealed class JsonObserver(PacketJsonWriter json, ConnectionTracker tracker, PacketsOptions options, PacketSequenceAnalysis analysis) : IPacketObserver
    {
        private readonly StateTransition[] _transitions = new StateTransition[8];

        public void OnPacket(in CapturedPacket packet, in DecodedPacket decoded, bool tracked)
        {
            var checks = Check(decoded, options.VerifyChecksums);
            if (decoded.HasTcp)
            {
                var connection = tracked
                    ? new PacketConnection(tracker.LastOutcome.Uid, _transitions.AsSpan(0, tracker.CopyLastTransitions(_transitions)))
                    : default;
                json.WriteTcp(packet, decoded, checks, connection, analysis.Analyze(packet, decoded));
            }
            else if (options.All)
            {
                json.WriteOther(packet, decoded, checks);
            }
        }
    }

    /// <summary>Writes every packet as text, TCP or not (no tracking), TCP packets with their sequence analysis.</summary>
    private readonly struct TextConsumer(PacketTextWriter text, bool verify, PacketSequenceAnalysis analysis) : IPacketConsumer
    {
        public void OnSegment(in CapturedPacket packet, in DecodedPacket decoded, in TcpSegment segment) =>
            text.Write(packet, decoded, Check(decoded, verify), analysis.Analyze(segment, decoded));

        public void OnOther(in CapturedPacket packet, in DecodedPacket decoded) => text.Write(packet, decoded, Check(decoded, verify));
    }
}
