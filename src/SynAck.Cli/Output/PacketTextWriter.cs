using System.Buffers.Binary;
using SynAck.Analysis.Anomalies.Sequence;
using SynAck.Capture;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

/// <summary>
/// tcpdump-like lines (as <c>tcpdump -n -S -tt</c>-style fields, time of day in UTC):
/// <c>23:54:47.646204 IP 127.0.0.1.42320 > 127.0.0.1.8080: Flags [S], seq 1, win 65495, options [...], length 0</c>.
/// Sequence and acknowledgment numbers are absolute. Every packet gets a line, TCP or not.
/// </summary>
public sealed class PacketTextWriter(TextWriter output)
{
    private const int LineCapacity = 1024;

    public void Write(in CapturedPacket packet, in DecodedPacket p, PacketChecks checks) => Write(packet, p, checks, default);

    /// <summary>
    /// A packet line; a TCP packet's sequence analysis (when <paramref name="analysis"/> is not default) is appended
    /// as <c>, analysis [retransmission,...], dup_ack N of FRAME, ack_rtt S, irtt S</c> (see <see cref="PacketAnalysisText"/>).
    /// </summary>
    public void Write(in CapturedPacket packet, in DecodedPacket p, PacketChecks checks, in TcpPacketAnalysis analysis)
    {
        Span<char> buffer = stackalloc char[LineCapacity];
        var line = new LineBuilder(buffer);
        Span<char> time = stackalloc char[24];
        line.Append(time[..TimeText.FormatTimeOfDay(packet.TimestampNanos, packet.TimestampDigits, time)]);
        line.Append(' ');
        if (p.IpVersion == 0)
        {
            line.Append("link type ");
            line.Append((ushort)packet.LinkType);
            line.Append(": ");
            line.Append(StatusText(p.Status));
            line.Append(", length ");
            line.Append(packet.OriginalLength);
        }
        else if (p.HasTcp)
        {
            AppendTcp(ref line, p);
        }
        else
        {
            AppendOtherIp(ref line, p);
        }

        if (checks.Verified)
        {
            AppendChecks(ref line, checks);
        }

        if (analysis.FrameNumber != 0 && p.HasTcp)
        {
            PacketAnalysisText.Append(ref line, analysis);
        }

        output.Write(line.Text);
        output.Write('\n');
    }

    private static void AppendTcp(ref LineBuilder line, in DecodedPacket p)
    {
        var tcp = p.Tcp;
        AppendAddress(ref line, p.IpVersion, p.Source, tcp.SourcePort, p.Destination, tcp.DestinationPort);
        line.Append(": Flags [");
        FlagNames.AppendTcpdump(ref line, tcp.Flags);
        line.Append(']');
        var flags = tcp.Flags;
        var length = p.TcpPayloadLength;
        // tcpdump prints seq only when the segment occupies sequence space or carries data.
        if (length > 0 || (flags & (TcpFlags.Syn | TcpFlags.Fin | TcpFlags.Rst)) != 0)
        {
            line.Append(", seq ");
            line.Append(tcp.Seq.Value);
            if (length > 0)
            {
                line.Append(':');
                line.Append(tcp.Seq.Add(length).Value);
            }
        }

        if ((flags & TcpFlags.Ack) != 0)
        {
            line.Append(", ack ");
            line.Append(tcp.Ack.Value);
        }

        line.Append(", win ");
        line.Append(tcp.Window);
        if ((flags & TcpFlags.Urg) != 0)
        {
            line.Append(", urg ");
            line.Append(tcp.UrgentPointer);
        }

        if (tcp.OptionsSpan.Length > 0)
        {
            line.Append(", options [");
            TcpOptionsText.Append(ref line, tcp.Options);
            line.Append(']');
        }

        line.Append(", length ");
        line.Append(length);
        if (p.Status != ParseStatus.Ok)
        {
            line.Append(" [");
            line.Append(StatusText(p.Status));
            line.Append(']');
        }
    }

    private static void AppendOtherIp(ref LineBuilder line, in DecodedPacket p)
    {
        var udp = p.Protocol == 17 && p.Transport.Length >= 8 && !p.IsFragment;
        if (udp)
        {
            AppendAddress(ref line, p.IpVersion, p.Source, BinaryPrimitives.ReadUInt16BigEndian(p.Transport),
                p.Destination, BinaryPrimitives.ReadUInt16BigEndian(p.Transport[2..]));
        }
        else
        {
            line.Append(p.IpVersion == 6 ? "IP6 " : "IP ");
            line.Append(p.Source);
            line.Append(" > ");
            line.Append(p.Destination);
        }

        line.Append(": ");
        line.Append(ProtocolName(p.Protocol));
        if (ProtocolName(p.Protocol) is "ip-proto-")
        {
            line.Append(p.Protocol);
        }
        if (p.IsFragment)
        {
            line.Append(", fragment offset ");
            line.Append(p.FragmentOffset);
            line.Append(p.MoreFragments ? "+" : "");
        }

        if (p.Status is not (ParseStatus.NotTcp or ParseStatus.Fragment))
        {
            line.Append(" [");
            line.Append(StatusText(p.Status));
            line.Append(']');
        }

        // tcpdump counts UDP payload bytes; for other protocols, the bytes after the IP header(s).
        line.Append(", length ");
        line.Append(Math.Max(0, p.IpLength - p.IpHeaderLength - (udp ? 8 : 0)));
    }

    private static void AppendAddress(ref LineBuilder line, byte version, IpAddr src, ushort sport, IpAddr dst, ushort dport)
    {
        line.Append(version == 6 ? "IP6 " : "IP ");
        line.Append(src);
        line.Append('.');
        line.Append(sport);
        line.Append(" > ");
        line.Append(dst);
        line.Append('.');
        line.Append(dport);
    }

    private static void AppendChecks(ref LineBuilder line, PacketChecks checks)
    {
        if (checks.Ipv4Header == false)
        {
            line.Append(", bad ip cksum");
        }

        if (checks.Tcp == false)
        {
            line.Append(", bad tcp cksum");
        }
    }

    private static ReadOnlySpan<char> ProtocolName(byte protocol) => protocol switch
    {
        1 => "ICMP",
        6 => "TCP",
        17 => "UDP",
        58 => "ICMP6",
        _ => "ip-proto-",
    };

    /// <summary>The status name, for the few statuses a line shows (enum names are interned, no allocation after the first).</summary>
    private static string StatusText(ParseStatus status) => status.ToString();
}
