using System.Buffers;
using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Output;

/// <summary>
/// Writes records as CSV (RFC 4180): a header row, then one row per connection with Zeek's conn.log columns and
/// SynAck's main lifecycle columns. Unset values are empty cells; only a connection with several tunnel parents has
/// a quoted cell (its uids, comma-separated).
/// </summary>
public sealed class ConnCsvWriter(IBufferWriter<byte> output)
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns =
    [
        "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "duration", "orig_bytes",
        "resp_bytes", "conn_state", "missed_bytes", "history", "orig_pkts", "orig_ip_bytes", "resp_pkts",
        "resp_ip_bytes", "tunnel_parents", "orig_state", "resp_state", "close_kind", "active_closer", "handshake_valid", "orig_isn",
        "resp_isn", "syn_synack_rtt", "synack_ack_rtt", "syn_retransmissions", "first_packet", "last_packet",
        "orig_retransmissions", "orig_dup_acks", "orig_zero_windows", "orig_out_of_order", "orig_rtt_samples",
        "orig_rtt_min", "orig_rtt_avg", "orig_rtt_max", "orig_rtt_stdev",
        "resp_retransmissions", "resp_dup_acks", "resp_zero_windows", "resp_out_of_order", "resp_rtt_samples",
        "resp_rtt_min", "resp_rtt_avg", "resp_rtt_max", "resp_rtt_stdev",
    ];

    private readonly Utf8Sink _out = new(output ?? throw new ArgumentNullException(nameof(output)));

    /// <summary>Writes the header row.</summary>
    public void WriteHeader()
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            if (i > 0)
            {
                _out.Byte((byte)',');
            }

            _out.Ascii(Columns[i]);
        }

        _out.Ascii("\r\n");
    }

    /// <summary>Writes one row.</summary>
    public void Write(ConnRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        const byte Comma = (byte)',';
        _out.Seconds(r.TimestampNanos);
        _out.Byte(Comma);
        _out.Ascii(r.Uid);
        _out.Byte(Comma);
        _out.Address(r.OrigHost);
        _out.Byte(Comma);
        _out.UInt(r.OrigPort);
        _out.Byte(Comma);
        _out.Address(r.RespHost);
        _out.Byte(Comma);
        _out.UInt(r.RespPort);
        _out.Ascii(",tcp,");
        if (r.DurationNanos is { } d)
        {
            _out.Seconds(d);
        }

        _out.Byte(Comma);
        Optional(r.OrigBytes);
        _out.Byte(Comma);
        Optional(r.RespBytes);
        _out.Byte(Comma);
        _out.Ascii(r.ConnState.ToZeekCode());
        _out.Byte(Comma);
        _out.UInt(r.MissedBytes);
        _out.Byte(Comma);
        _out.Ascii(r.History);
        _out.Byte(Comma);
        _out.UInt(r.OrigPackets);
        _out.Byte(Comma);
        _out.UInt(r.OrigIpBytes);
        _out.Byte(Comma);
        _out.UInt(r.RespPackets);
        _out.Byte(Comma);
        _out.UInt(r.RespIpBytes);
        _out.Byte(Comma);
        TunnelParents(r.TunnelParents);
        _out.Byte(Comma);
        _out.Ascii(r.OrigState.ToName());
        _out.Byte(Comma);
        _out.Ascii(r.RespState.ToName());
        _out.Byte(Comma);
        _out.Ascii(r.CloseKind.ToName());
        _out.Byte(Comma);
        _out.Ascii(r.ActiveCloser.ToName());
        _out.Byte(Comma);
        _out.Ascii(r.Handshake.Valid ? "true" : "false");
        _out.Byte(Comma);
        Optional(r.Handshake.OrigIsn);
        _out.Byte(Comma);
        Optional(r.Handshake.RespIsn);
        _out.Byte(Comma);
        if (r.Handshake.SynSynAckRttNs is { } a)
        {
            _out.Seconds(a);
        }

        _out.Byte(Comma);
        if (r.Handshake.SynAckAckRttNs is { } b)
        {
            _out.Seconds(b);
        }

        _out.Byte(Comma);
        _out.Int(r.Handshake.SynRetransmissions);
        _out.Byte(Comma);
        _out.Int(r.FirstFrame);
        _out.Byte(Comma);
        _out.Int(r.LastFrame);
        Analysis(r.OrigAnalysis);
        Analysis(r.RespAnalysis);
        _out.Ascii("\r\n");
    }

    /// <summary>The nine per-direction analysis cells (each preceded by a comma); RTT cells empty without samples.</summary>
    private void Analysis(DirectionAnalysis a)
    {
        const byte Comma = (byte)',';
        _out.Byte(Comma);
        _out.Int(a.Retransmissions);
        _out.Byte(Comma);
        _out.Int(a.DuplicateAcks);
        _out.Byte(Comma);
        _out.Int(a.ZeroWindows);
        _out.Byte(Comma);
        _out.Int(a.OutOfOrder);
        _out.Byte(Comma);
        _out.Int(a.RttSamples);
        OptionalSeconds(a.RttMinNanos);
        OptionalSeconds(a.RttAvgNanos);
        OptionalSeconds(a.RttMaxNanos);
        OptionalSeconds(a.RttStdevNanos);
    }

    /// <summary>The tunnel uids, comma-separated as Zeek writes a set (so quoted when there are several); empty outside tunnels.</summary>
    private void TunnelParents(IReadOnlyList<TunnelParent> parents)
    {
        if (parents.Count > 1)
        {
            _out.Byte((byte)'"');
        }

        for (var i = 0; i < parents.Count; i++)
        {
            if (i > 0)
            {
                _out.Byte((byte)',');
            }

            _out.Ascii(parents[i].Uid);
        }

        if (parents.Count > 1)
        {
            _out.Byte((byte)'"');
        }
    }

    private void OptionalSeconds(long? nanos)
    {
        _out.Byte((byte)',');
        if (nanos is { } n)
        {
            _out.Seconds(n);
        }
    }

    private void Optional(ulong? value)
    {
        if (value is { } v)
        {
            _out.UInt(v);
        }
    }
}
