using SynAck.Capture;
using SynAck.Cli.Common;
using SynAck.Cli.Output;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Packets;

/// <summary>
/// Runs <c>synack packets</c>: reads the capture once, decodes every packet and writes it as text or JSON.
/// Reader warnings (a truncated tail, a corrupt block) go to standard error with their byte offsets; the
/// packets before them are still written.
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
            while (reader.TryReadNext(out var packet))
            {
                PacketDecoder.Decode(packet.LinkType, packet.Data, out var p);
                var checks = Check(p, options.VerifyChecksums);
                if (p.HasTcp)
                {
                    json.WriteTcp(packet, p, checks);
                }
                else if (options.All)
                {
                    json.WriteOther(packet, p, checks);
                }
            }
        }
        else
        {
            var text = new PacketTextWriter(output);
            while (reader.TryReadNext(out var packet))
            {
                PacketDecoder.Decode(packet.LinkType, packet.Data, out var p);
                text.Write(packet, p, Check(p, options.VerifyChecksums));
            }
        }

        foreach (var warning in reader.Warnings)
        {
            // The reader's message names the byte offset ("truncated record at byte 114: 86 of 90 bytes").
            environment.Error.WriteLine($"synack: warning: {options.Capture}: {warning.Message}");
        }

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
}
