using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

public sealed partial class PacketJsonWriter
{
    /// <summary>
    /// The <c>opts</c> object, keys in a fixed order: mss, wscale, sack_perm, ts {val, ecr}, sack [[left, right]...],
    /// tfo (cookie as hex, "" for a cookie request), unknown [{kind, len}] (any option no typed reader accepted,
    /// malformed known kinds included). Each key is written for the first option of its kind (RFC 9293 §3.2 does
    /// not allow repeats); absent options have no key.
    /// </summary>
    private void WriteOptions(TcpOptions options)
    {
        _w.WriteStartObject(_names.Opts);
        if (options.Bytes.IsEmpty)
        {
            _w.WriteEndObject();
            return;
        }

        if (options.TryGetMss(out var mss))
        {
            _w.WriteNumber(_names.Mss, mss);
        }

        if (options.TryGetWindowScale(out var shift))
        {
            _w.WriteNumber(_names.Wscale, shift);
        }

        if (options.SackPermitted)
        {
            _w.WriteBoolean(_names.SackPerm, true);
        }

        if (options.TryGetTimestamps(out var val, out var ecr))
        {
            _w.WriteStartObject(_names.TsOption);
            _w.WriteNumber(_names.Val, val);
            _w.WriteNumber(_names.Ecr, ecr);
            _w.WriteEndObject();
        }

        if (options.TryGetSackBlocks(out var blocks))
        {
            _w.WriteStartArray(_names.Sack);
            for (var i = 0; i < blocks.Count; i++)
            {
                var (left, right) = blocks[i];
                _w.WriteStartArray();
                _w.WriteNumberValue(left.Value);
                _w.WriteNumberValue(right.Value);
                _w.WriteEndArray();
            }

            _w.WriteEndArray();
        }

        if (options.TryGetFastOpenCookie(out var cookie))
        {
            Span<byte> hex = stackalloc byte[32];
            for (var i = 0; i < cookie.Length; i++)
            {
                hex[2 * i] = HexDigit(cookie[i] >> 4);
                hex[(2 * i) + 1] = HexDigit(cookie[i] & 0xF);
            }

            _w.WriteString(_names.Tfo, hex[..(2 * cookie.Length)]);
        }

        WriteUnknownOptions(options);
        _w.WriteEndObject();
    }

    private void WriteUnknownOptions(TcpOptions options)
    {
        var started = false;
        foreach (var o in options)
        {
            if (IsUnderstood(o))
            {
                continue;
            }

            if (!started)
            {
                _w.WriteStartArray(_names.Unknown);
                started = true;
            }

            _w.WriteStartObject();
            _w.WriteNumber(_names.Kind, (byte)o.Kind);
            _w.WriteNumber(_names.OptionLen, o.Length);
            _w.WriteEndObject();
        }

        if (started)
        {
            _w.WriteEndArray();
        }
    }

    private static bool IsUnderstood(TcpOption o) => o.Kind is TcpOptionKind.EndOfOptions or TcpOptionKind.NoOperation
        || o.TryGetMss(out _) || o.TryGetWindowScale(out _) || o.IsSackPermitted || o.TryGetTimestamps(out _, out _)
        || o.TryGetSackBlocks(out _) || o.TryGetFastOpenCookie(out _);

    private static byte HexDigit(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
