using System.Text.Json;
using SynAck.Analysis.Anomalies.Sequence;
using SynAck.Analysis.Lifecycle;
using SynAck.Capture;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

/// <summary>
/// <c>synack packets --format json</c>: one object per line, written with <see cref="Utf8JsonWriter"/> into a
/// buffered stream with pre-encoded property names, so a packet costs no string allocation. Keys (docs/cli.md):
/// n, ts, ip, src, sport, dst, dport, flags, seq, ack, win, len, opts, conn, transitions, analysis (+ dup_ack_num,
/// dup_ack_frame, acks_frame, ack_rtt, irtt, bytes_in_flight where they apply); non-TCP packets (with --all): n, ts, ip,
/// then src, dst, proto for IP packets or link, ethertype for others, then status.
/// </summary>
public sealed partial class PacketJsonWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _w;
    private readonly PacketJsonNames _names = new();

    public PacketJsonWriter(Stream output)
    {
        _stream = new BufferedStream(output, 1 << 16);
        _w = new Utf8JsonWriter(_stream, new JsonWriterOptions { SkipValidation = true });
    }

    public void WriteTcp(in CapturedPacket packet, in DecodedPacket p, PacketChecks checks, PacketConnection connection = default)
        => WriteTcp(packet, p, checks, connection, default);

    /// <summary>A TCP packet with its sequence analysis (a default <paramref name="analysis"/> writes none).</summary>
    public void WriteTcp(in CapturedPacket packet, in DecodedPacket p, PacketChecks checks, PacketConnection connection, in TcpPacketAnalysis analysis)
    {
        var tcp = p.Tcp;
        _w.WriteStartObject();
        WriteCommon(packet, p);
        _w.WriteNumber(_names.Sport, tcp.SourcePort);
        _w.WriteNumber(_names.Dport, tcp.DestinationPort);
        _w.WriteStartArray(_names.Flags);
        var flags = (ushort)tcp.Flags;
        var order = FlagNames.Order;
        for (var i = 0; i < order.Length; i++)
        {
            if ((flags & order[i]) != 0)
            {
                _w.WriteStringValue(_names.FlagNames[i]);
            }
        }

        _w.WriteEndArray();
        _w.WriteNumber(_names.Seq, tcp.Seq.Value);
        _w.WriteNumber(_names.Ack, tcp.Ack.Value);
        _w.WriteNumber(_names.Win, tcp.Window);
        _w.WriteNumber(_names.Len, p.TcpPayloadLength);
        if ((tcp.Flags & TcpFlags.Urg) != 0)
        {
            _w.WriteNumber(_names.Urg, tcp.UrgentPointer);
        }

        WriteOptions(tcp.Options);
        if (p.Status != ParseStatus.Ok || p.OptionsStatus != ParseStatus.Ok)
        {
            _w.WriteString(_names.Status, StatusName(p.Status != ParseStatus.Ok ? p.Status : p.OptionsStatus));
        }

        WriteChecks(checks);
        WriteConnection(connection);
        WriteAnalysis(analysis);
        EndLine();
    }

    public void WriteOther(in CapturedPacket packet, in DecodedPacket p, PacketChecks checks)
    {
        _w.WriteStartObject();
        WriteCommon(packet, p);
        if (p.IpVersion != 0)
        {
            _w.WriteNumber(_names.Proto, p.Protocol);
        }
        else
        {
            _w.WriteNumber(_names.Link, (ushort)packet.LinkType);
            if (p.EtherType != 0)
            {
                _w.WriteNumber(_names.EtherType, p.EtherType);
            }
        }

        _w.WriteString(_names.Status, StatusName(p.Status));
        WriteChecks(checks);
        EndLine();
    }

    public void Dispose()
    {
        _w.Flush();
        _w.Dispose();
        // Flush only: disposing the BufferedStream would close standard output under the caller.
        _stream.Flush();
    }

    private void WriteCommon(in CapturedPacket packet, in DecodedPacket p)
    {
        _w.WriteNumber(_names.N, packet.FrameNumber);
        Span<byte> scratch = stackalloc byte[48];
        var n = TimeText.FormatEpochUtf8(packet.TimestampNanos, packet.TimestampDigits, scratch);
        _w.WritePropertyName(_names.Ts);
        _w.WriteRawValue(scratch[..n], skipInputValidation: true);
        _w.WriteNumber(_names.Ip, p.IpVersion);
        if (p.IpVersion != 0)
        {
            p.Source.TryFormat(scratch, out n);
            _w.WriteString(_names.Src, scratch[..n]);
            p.Destination.TryFormat(scratch, out n);
            _w.WriteString(_names.Dst, scratch[..n]);
        }
    }

    private void WriteChecks(PacketChecks checks)
    {
        if (checks.Ipv4Header is { } ip)
        {
            _w.WriteBoolean(_names.IpChecksumOk, ip);
        }

        if (checks.Tcp is { } tcp)
        {
            _w.WriteBoolean(_names.TcpChecksumOk, tcp);
        }
    }

    /// <summary>"conn": uid, "transitions": [{"endpoint","from","to","cause"}] (only the packet-caused ones).</summary>
    private void WriteConnection(PacketConnection connection)
    {
        if (connection.Uid is null)
        {
            return;
        }

        _w.WriteString(_names.Conn, connection.Uid);
        _w.WriteStartArray(_names.Transitions);
        foreach (var t in connection.Transitions)
        {
            _w.WriteStartObject();
            _w.WriteString(_names.Endpoint, t.Endpoint == EndpointRole.Originator ? _names.Orig : _names.Resp);
            _w.WriteString(_names.From, t.From.ToName());
            _w.WriteString(_names.To, t.To.ToName());
            _w.WriteString(_names.Cause, t.Cause.ToString());
            _w.WriteEndObject();
        }

        _w.WriteEndArray();
    }

    private void EndLine()
    {
        _w.WriteEndObject();
        _w.Flush();
        _stream.WriteByte((byte)'\n');
        _w.Reset(_stream);
    }

    private static string StatusName(ParseStatus status) => status.ToString();
}
