using System.Buffers;
using System.Text.Json;
using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Output;

/// <summary>
/// Writes one JSON object per line per record: Zeek's conn.log key names (<c>id.orig_h</c>, ...; unset fields
/// omitted, as Zeek's JSON logs do) followed by SynAck's lifecycle fields (<c>orig_state</c>, <c>resp_state</c>,
/// <c>close_kind</c>, <c>active_closer</c>, <c>handshake</c>, per-direction flag counts and sequence analysis,
/// first/last packet) and
/// <c>"schema": 1</c>. Uses <see cref="Utf8JsonWriter"/> directly: no reflection.
/// </summary>
public sealed class ConnJsonLinesWriter : IDisposable
{
    private readonly IBufferWriter<byte> _output;
    private readonly Utf8JsonWriter _json;

    public ConnJsonLinesWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = false });
    }

    /// <summary>Writes one record as one line.</summary>
    public void Write(ConnRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var j = _json;
        j.WriteStartObject();
        j.WriteNumber("ts", Seconds(r.TimestampNanos));
        j.WriteString("uid", r.Uid);
        j.WriteString("id.orig_h", r.OrigHost.ToString());
        j.WriteNumber("id.orig_p", r.OrigPort);
        j.WriteString("id.resp_h", r.RespHost.ToString());
        j.WriteNumber("id.resp_p", r.RespPort);
        j.WriteString("proto", "tcp");
        if (r.DurationNanos is { } d)
        {
            j.WriteNumber("duration", Seconds(d));
        }

        if (r.OrigBytes is { } ob)
        {
            j.WriteNumber("orig_bytes", ob);
        }

        if (r.RespBytes is { } rb)
        {
            j.WriteNumber("resp_bytes", rb);
        }

        j.WriteString("conn_state", r.ConnState.ToZeekCode());
        j.WriteNumber("missed_bytes", r.MissedBytes);
        if (r.History.Length > 0)
        {
            j.WriteString("history", r.History);
        }

        j.WriteNumber("orig_pkts", r.OrigPackets);
        j.WriteNumber("orig_ip_bytes", r.OrigIpBytes);
        j.WriteNumber("resp_pkts", r.RespPackets);
        j.WriteNumber("resp_ip_bytes", r.RespIpBytes);
        if (r.TunnelParents.Count > 0)
        {
            j.WriteStartArray("tunnel_parents");
            foreach (var t in r.TunnelParents)
            {
                j.WriteStringValue(t.Uid);
            }

            j.WriteEndArray();
        }

        j.WriteNumber("ip_proto", r.IpProto);

        j.WriteString("orig_state", r.OrigState.ToName());
        j.WriteString("resp_state", r.RespState.ToName());
        j.WriteString("close_kind", r.CloseKind.ToName());
        j.WriteString("active_closer", r.ActiveCloser.ToName());
        j.WriteBoolean("reset_after_fin", r.ResetAfterFin);
        j.WriteNumber("ignored_resets", r.IgnoredResets);
        WriteHandshake(j, r.Handshake);
        WriteFlags(j, "orig_flags", r.OrigFlags);
        WriteFlags(j, "resp_flags", r.RespFlags);
        WriteAnalysis(j, "orig_analysis", r.OrigAnalysis);
        WriteAnalysis(j, "resp_analysis", r.RespAnalysis);
        j.WriteNumber("first_packet", r.FirstFrame);
        j.WriteNumber("last_packet", r.LastFrame);
        j.WriteString("removal", r.RemovalReason.ToName());
        j.WriteNumber("transitions", r.TransitionCount);
        if (r.Transitions.Count > 0)
        {
            j.WriteStartArray("transition_events");
            foreach (var t in r.Transitions)
            {
                j.WriteStartObject();
                j.WriteNumber("packet", t.FrameNumber);
                j.WriteNumber("ts", Seconds(t.TimestampNanos));
                j.WriteString("endpoint", t.Endpoint == Lifecycle.EndpointRole.Originator ? "orig" : "resp");
                j.WriteString("from", t.From.ToName());
                j.WriteString("to", t.To.ToName());
                j.WriteString("cause", t.Cause.ToString());
                j.WriteEndObject();
            }

            j.WriteEndArray();
        }

        if (r.TunnelParents.Count > 0)
        {
            WriteTunnels(j, r.TunnelParents);
        }

        j.WriteNumber("schema", ConnRecord.SchemaVersion);
        j.WriteEndObject();
        j.Flush();
        j.Reset();
        _output.GetSpan(1)[0] = (byte)'\n';
        _output.Advance(1);
    }

    public void Dispose() => _json.Dispose();

    /// <summary>Nanoseconds as exact decimal seconds with microsecond precision (as Zeek prints them).</summary>
    private static decimal Seconds(long nanos) => Math.Round(nanos / 1_000_000_000m, 6, MidpointRounding.AwayFromZero);

    private static void WriteHandshake(Utf8JsonWriter j, HandshakeRecord h)
    {
        j.WriteStartObject("handshake");
        j.WriteBoolean("valid", h.Valid);
        j.WriteBoolean("complete", h.Complete);
        WriteOptional(j, "orig_isn", h.OrigIsn);
        WriteOptional(j, "resp_isn", h.RespIsn);
        if (h.SynSynAckRttNs is { } a)
        {
            j.WriteNumber("syn_synack_rtt", Seconds(a));
        }

        if (h.SynAckAckRttNs is { } b)
        {
            j.WriteNumber("synack_ack_rtt", Seconds(b));
        }

        j.WriteNumber("syn_retransmissions", h.SynRetransmissions);
        j.WriteNumber("synack_retransmissions", h.SynAckRetransmissions);
        WriteOptional(j, "orig_mss", h.OrigMss);
        WriteOptional(j, "resp_mss", h.RespMss);
        WriteOptional(j, "orig_wscale", h.OrigWindowScale);
        WriteOptional(j, "resp_wscale", h.RespWindowScale);
        j.WriteBoolean("sack_permitted", h.SackPermitted);
        j.WriteBoolean("timestamps", h.Timestamps);
        j.WriteStartArray("findings");
        foreach (var f in h.Findings)
        {
            j.WriteStartObject();
            j.WriteString("check", f.Check);
            j.WriteNumber("expected", f.Expected);
            j.WriteNumber("actual", f.Actual);
            j.WriteNumber("packet", f.FrameNumber);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteEndObject();
    }

    /// <summary>What each tunnel_parents uid stands for: SynAck writes no records for the tunnels themselves.</summary>
    private static void WriteTunnels(Utf8JsonWriter j, IReadOnlyList<TunnelParent> tunnels)
    {
        j.WriteStartArray("tunnels");
        foreach (var t in tunnels)
        {
            j.WriteStartObject();
            j.WriteString("uid", t.Uid);
            j.WriteString("kind", t.Kind.ToName());
            j.WriteString("outer_src_h", t.SourceHost.ToString());
            j.WriteNumber("outer_src_p", t.SourcePort);
            j.WriteString("outer_dst_h", t.DestinationHost.ToString());
            j.WriteNumber("outer_dst_p", t.DestinationPort);
            j.WriteEndObject();
        }

        j.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter j, string name, uint? value)
    {
        if (value is { } v)
        {
            j.WriteNumber(name, v);
        }
        else
        {
            j.WriteNull(name);
        }
    }

    /// <summary>
    /// <c>{"retransmissions","dup_acks","zero_windows","out_of_order","rtt_samples","rtt_min","rtt_avg","rtt_max","rtt_stdev"}</c>,
    /// the RTT statistics in seconds and null without samples.
    /// </summary>
    private static void WriteAnalysis(Utf8JsonWriter j, string name, DirectionAnalysis a)
    {
        j.WriteStartObject(name);
        j.WriteNumber("retransmissions", a.Retransmissions);
        j.WriteNumber("dup_acks", a.DuplicateAcks);
        j.WriteNumber("zero_windows", a.ZeroWindows);
        j.WriteNumber("out_of_order", a.OutOfOrder);
        j.WriteNumber("rtt_samples", a.RttSamples);
        WriteSeconds(j, "rtt_min", a.RttMinNanos);
        WriteSeconds(j, "rtt_avg", a.RttAvgNanos);
        WriteSeconds(j, "rtt_max", a.RttMaxNanos);
        WriteSeconds(j, "rtt_stdev", a.RttStdevNanos);
        j.WriteEndObject();
    }

    private static void WriteSeconds(Utf8JsonWriter j, string name, long? nanos)
    {
        if (nanos is { } n)
        {
            j.WriteNumber(name, Seconds(n));
        }
        else
        {
            j.WriteNull(name);
        }
    }

    private static void WriteFlags(Utf8JsonWriter j, string name, FlagCounts f)
    {
        j.WriteStartObject(name);
        j.WriteNumber("syn", f.Syn);
        j.WriteNumber("fin", f.Fin);
        j.WriteNumber("ack", f.Ack);
        j.WriteNumber("psh", f.Psh);
        j.WriteNumber("rst", f.Rst);
        j.WriteNumber("urg", f.Urg);
        j.WriteNumber("ece", f.Ece);
        j.WriteNumber("cwr", f.Cwr);
        j.WriteEndObject();
    }
}
