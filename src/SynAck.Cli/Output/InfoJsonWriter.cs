using System.Text.Json;
using SynAck.Cli.Commands.Info;
using SynAck.Cli.Common;

namespace SynAck.Cli.Output;

/// <summary><c>synack info --json</c>: one JSON object per capture, on one line (schema 1, keys documented in docs/cli.md).</summary>
public static class InfoJsonWriter
{
    public static void Write(Stream output, CaptureSummary s)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(s);
        var digits = s.TimestampDigits.Count > 0 ? s.TimestampDigits.Max : 6;
        using (var w = new Utf8JsonWriter(output))
        {
            w.WriteStartObject();
            w.WriteNumber("schema", 1);
            w.WriteString("file", s.File);
            w.WriteString("format", s.Format);
            w.WriteString("byte_order", s.ByteOrder);
            w.WriteBoolean("gzip", s.Gzip);
            w.WriteStartArray("timestamp_digits");
            foreach (var d in s.TimestampDigits)
            {
                w.WriteNumberValue(d);
            }

            w.WriteEndArray();
            w.WriteStartArray("link_types");
            foreach (var (link, count) in s.LinkTypes)
            {
                w.WriteStartObject();
                w.WriteNumber("link_type", link);
                w.WriteString("name", LinkTypeNames.Name(link));
                w.WriteNumber("packets", count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("packets", s.Packets);
            w.WriteNumber("tcp_packets", s.TcpPackets);
            w.WriteNumber("udp_packets", s.UdpPackets);
            w.WriteNumber("icmp_packets", s.IcmpPackets);
            w.WriteNumber("other_ip_packets", s.OtherIpPackets);
            w.WriteNumber("non_ip_packets", s.NonIpPackets);
            w.WriteNumber("ip_fragments", s.IpFragments);
            WriteTime(w, "first_ts", s.FirstNanos, digits);
            WriteTime(w, "last_ts", s.LastNanos, digits);
            WriteTime(w, "span", s.SpanNanos, digits);
            w.WriteNumber("captured_bytes", s.CapturedBytes);
            w.WriteNumber("wire_bytes", s.WireBytes);
            if (s.FileBytes is { } fileBytes)
            {
                w.WriteNumber("file_bytes", fileBytes);
            }
            else
            {
                w.WriteNull("file_bytes");
            }

            w.WriteNumber("truncated_packets", s.TruncatedPackets);
            w.WriteNumber("malformed_packets", s.MalformedPackets);
            w.WriteStartObject("decode_status");
            foreach (var (status, count) in s.DecodeStatus)
            {
                w.WriteNumber(status.ToString(), count);
            }

            w.WriteEndObject();
            w.WriteStartObject("checksums");
            w.WriteBoolean("verified", s.ChecksumsVerified);
            if (s.ChecksumsVerified)
            {
                w.WriteNumber("bad_ipv4_header", s.BadIpChecksums);
                w.WriteNumber("bad_tcp", s.BadTcpChecksums);
            }

            w.WriteEndObject();
            w.WriteStartArray("warnings");
            foreach (var warning in s.Warnings)
            {
                w.WriteStartObject();
                w.WriteNumber("offset", warning.ByteOffset);
                w.WriteString("message", warning.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteTime(Utf8JsonWriter w, string name, long? nanos, int digits)
    {
        if (nanos is not { } n)
        {
            w.WriteNull(name);
            return;
        }

        Span<byte> buffer = stackalloc byte[32];
        var length = TimeText.FormatEpochUtf8(n, digits, buffer);
        w.WritePropertyName(name);
        w.WriteRawValue(buffer[..length], skipInputValidation: true);
    }
}
