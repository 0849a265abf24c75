using System.Buffers;
using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;

namespace SynAck.Analysis.Output;

/// <summary>
/// Writes records as a Zeek conn.log in Zeek's ASCII format: the <c>#separator</c>, <c>#set_separator</c>,
/// <c>#empty_field</c>, <c>#unset_field</c>, <c>#path</c>, <c>#open</c>, <c>#fields</c> and <c>#types</c> header,
/// tab-separated rows with '-' for unset fields, and a <c>#close</c> line; readable by zeek-cut.
/// </summary>
public sealed class ZeekConnLogWriter
{
    /// <summary>The conn.log columns, in Zeek's order.</summary>
    public static readonly string[] Fields =
    [
        "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service", "duration",
        "orig_bytes", "resp_bytes", "conn_state", "local_orig", "local_resp", "missed_bytes", "history",
        "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes", "tunnel_parents", "ip_proto",
    ];

    private static readonly string[] s_types =
    [
        "time", "string", "addr", "port", "addr", "port", "enum", "string", "interval", "count", "count", "string",
        "bool", "bool", "count", "string", "count", "count", "count", "count", "set[string]", "count",
    ];

    private readonly IBufferWriter<byte> _output;
    private readonly Utf8Sink _out;
    private readonly TimeProvider _time;

    /// <param name="output">Destination (UTF-8).</param>
    /// <param name="time">Clock for the <c>#open</c>/<c>#close</c> stamps.</param>
    public ZeekConnLogWriter(IBufferWriter<byte> output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        _output = output;
        _out = new Utf8Sink(output);
        _time = time;
    }

    /// <summary>Writes the header lines.</summary>
    public void WriteHeader()
    {
        _out.Ascii("#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t");
        Stamp();
        _out.Ascii("\n#fields");
        foreach (var f in Fields)
        {
            _out.Byte((byte)'\t');
            _out.Ascii(f);
        }

        _out.Ascii("\n#types");
        foreach (var t in s_types)
        {
            _out.Byte((byte)'\t');
            _out.Ascii(t);
        }

        _out.Byte((byte)'\n');
    }

    /// <summary>Writes one row.</summary>
    public void Write(ConnRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        const byte Tab = (byte)'\t';
        _out.Seconds(r.TimestampNanos);
        _out.Byte(Tab);
        _out.Ascii(r.Uid);
        _out.Byte(Tab);
        _out.Address(r.OrigHost);
        _out.Byte(Tab);
        _out.UInt(r.OrigPort);
        _out.Byte(Tab);
        _out.Address(r.RespHost);
        _out.Byte(Tab);
        _out.UInt(r.RespPort);
        _out.Ascii("\ttcp\t-\t");
        if (r.DurationNanos is { } d)
        {
            _out.Seconds(d);
        }
        else
        {
            _out.Byte((byte)'-');
        }

        _out.Byte(Tab);
        OptionalCount(r.OrigBytes);
        _out.Byte(Tab);
        OptionalCount(r.RespBytes);
        _out.Byte(Tab);
        _out.Ascii(r.ConnState.ToZeekCode());
        _out.Ascii("\t-\t-\t");
        _out.UInt(r.MissedBytes);
        _out.Byte(Tab);
        _out.Ascii(r.History.Length == 0 ? "-" : r.History);
        _out.Byte(Tab);
        _out.UInt(r.OrigPackets);
        _out.Byte(Tab);
        _out.UInt(r.OrigIpBytes);
        _out.Byte(Tab);
        _out.UInt(r.RespPackets);
        _out.Byte(Tab);
        _out.UInt(r.RespIpBytes);
        _out.Byte(Tab);
        TunnelParents(r.TunnelParents);
        _out.Byte(Tab);
        _out.UInt(r.IpProto);
        _out.Byte((byte)'\n');
    }

    /// <summary>Writes the <c>#close</c> line.</summary>
    public void WriteFooter()
    {
        _out.Ascii("#close\t");
        Stamp();
        _out.Byte((byte)'\n');
    }

    /// <summary>A set[string]: elements joined by the set separator (first-seen order), '-' when unset.</summary>
    private void TunnelParents(IReadOnlyList<TunnelParent> parents)
    {
        if (parents.Count == 0)
        {
            _out.Byte((byte)'-');
            return;
        }

        for (var i = 0; i < parents.Count; i++)
        {
            if (i > 0)
            {
                _out.Byte((byte)',');
            }

            _out.Ascii(parents[i].Uid);
        }
    }

    private void OptionalCount(ulong? value)
    {
        if (value is { } v)
        {
            _out.UInt(v);
        }
        else
        {
            _out.Byte((byte)'-');
        }
    }

    private void Stamp()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var span = _output.GetSpan(19);
        now.TryFormat(span, out var n, "yyyy-MM-dd-HH-mm-ss", System.Globalization.CultureInfo.InvariantCulture);
        _output.Advance(n);
    }
}
