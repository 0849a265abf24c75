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
        Span<byte> uid = stackalloc byte[r.Uid.Length];
        Span<byte> history = stackalloc byte[r.History.Length];
        new Utf8Row(uid).Ascii(r.Uid);
        new Utf8Row(history).Ascii(r.History);
        var values = new ZeekConnValues(
            r.TimestampNanos, r.OrigHost, r.OrigPort, r.RespHost, r.RespPort, r.DurationNanos, r.OrigBytes, r.RespBytes,
            r.ConnState, r.MissedBytes, r.OrigPackets, r.OrigIpBytes, r.RespPackets, r.RespIpBytes, r.IpProto);
        Write(new ZeekConnRow(values, uid, history, r.TunnelParents));
    }

    /// <summary>Writes one row given as values and ASCII text (see <see cref="ZeekConnRow"/>).</summary>
    internal void Write(in ZeekConnRow r)
    {
        const byte Tab = (byte)'\t';
        var v = r.Values;
        var span = _output.GetSpan(MaxRowLength(r));
        var row = new Utf8Row(span);
        row.Seconds(v.TimestampNanos);
        row.Byte(Tab);
        row.Literal(r.Uid);
        row.Byte(Tab);
        row.Address(v.OrigHost);
        row.Byte(Tab);
        row.UInt(v.OrigPort);
        row.Byte(Tab);
        row.Address(v.RespHost);
        row.Byte(Tab);
        row.UInt(v.RespPort);
        row.Literal("\ttcp\t-\t"u8);
        if (v.DurationNanos is { } d)
        {
            row.Seconds(d);
        }
        else
        {
            row.Byte((byte)'-');
        }

        row.Byte(Tab);
        OptionalCount(ref row, v.OrigBytes);
        row.Byte(Tab);
        OptionalCount(ref row, v.RespBytes);
        row.Byte(Tab);
        row.Ascii(v.ConnState.ToZeekCode());
        row.Literal("\t-\t-\t"u8);
        row.UInt(v.MissedBytes);
        row.Byte(Tab);
        if (r.History.IsEmpty)
        {
            row.Byte((byte)'-');
        }
        else
        {
            row.Literal(r.History);
        }

        row.Byte(Tab);
        row.UInt(v.OrigPackets);
        row.Byte(Tab);
        row.UInt(v.OrigIpBytes);
        row.Byte(Tab);
        row.UInt(v.RespPackets);
        row.Byte(Tab);
        row.UInt(v.RespIpBytes);
        row.Byte(Tab);
        TunnelParents(ref row, r.TunnelParents);
        row.Byte(Tab);
        row.UInt(v.IpProto);
        row.Byte((byte)'\n');
        _output.Advance(row.Length);
    }

    /// <summary>
    /// An upper bound of a row's length: the fixed fields at their widest (times, addresses, 20-digit counts) plus the
    /// variable-length text (uid, history, tunnel parents).
    /// </summary>
    private static int MaxRowLength(in ZeekConnRow r)
    {
        var length = 512 + r.Uid.Length + r.History.Length;
        var parents = r.TunnelParents;
        for (var i = 0; i < parents.Count; i++)
        {
            length += parents[i].Uid.Length + 1;
        }

        return length;
    }

    /// <summary>Writes the <c>#close</c> line.</summary>
    public void WriteFooter()
    {
        _out.Ascii("#close\t");
        Stamp();
        _out.Byte((byte)'\n');
    }

    /// <summary>A set[string]: elements joined by the set separator (first-seen order), '-' when unset.</summary>
    private static void TunnelParents(ref Utf8Row row, IReadOnlyList<TunnelParent> parents)
    {
        if (parents.Count == 0)
        {
            row.Byte((byte)'-');
            return;
        }

        for (var i = 0; i < parents.Count; i++)
        {
            if (i > 0)
            {
                row.Byte((byte)',');
            }

            row.Ascii(parents[i].Uid);
        }
    }

    private static void OptionalCount(ref Utf8Row row, ulong? value)
    {
        if (value is { } v)
        {
            row.UInt(v);
        }
        else
        {
            row.Byte((byte)'-');
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
