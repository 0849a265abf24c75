using SynAck.Analysis.Anomalies.Sequence;

namespace SynAck.Cli.Output;

/// <summary>
/// The sequence-analysis part of a packet line or object: Wireshark's <c>tcp.analysis.*</c> flag names, the
/// duplicate-ACK number and frame, and times as seconds with nine decimals (tshark prints relative times so).
/// </summary>
public static class PacketAnalysisText
{
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Longest text the FormatSeconds overloads write (sign, 19 digits, point, nine decimals).</summary>
    public const int MaxSecondsLength = 32;

    /// <summary>Writes <paramref name="nanos"/> as seconds with nine decimals (e.g. <c>0.000045123</c>) into ASCII bytes; returns the count.</summary>
    public static int FormatSeconds(long nanos, Span<byte> dest)
    {
        Span<char> chars = stackalloc char[MaxSecondsLength];
        var n = FormatSeconds(nanos, chars);
        for (var i = 0; i < n; i++)
        {
            dest[i] = (byte)chars[i];
        }

        return n;
    }

    /// <summary>Writes <paramref name="nanos"/> as seconds with nine decimals into <paramref name="dest"/>; returns the count.</summary>
    public static int FormatSeconds(long nanos, Span<char> dest)
    {
        var n = 0;
        ulong magnitude;
        if (nanos < 0)
        {
            dest[n++] = '-';
            magnitude = (ulong)(-(nanos + 1)) + 1;
        }
        else
        {
            magnitude = (ulong)nanos;
        }

        var seconds = magnitude / NanosPerSecond;
        var frac = magnitude % NanosPerSecond;
        seconds.TryFormat(dest[n..], out var w, default, System.Globalization.CultureInfo.InvariantCulture);
        n += w;
        dest[n++] = '.';
        for (var i = 8; i >= 0; i--)
        {
            dest[n + i] = (char)('0' + (int)(frac % 10));
            frac /= 10;
        }

        return n + 9;
    }

    /// <summary>
    /// Appends <c>, analysis [name,name], dup_ack N of FRAME, ack_rtt S, irtt S</c>: each part only when it applies
    /// (<c>irtt</c> only where tshark shows <c>tcp.analysis.initial_rtt</c>, see <see cref="ShowsInitialRtt"/>).
    /// </summary>
    public static void Append(ref LineBuilder line, in TcpPacketAnalysis a)
    {
        if (a.Flags != TcpAnalysisFlags.None)
        {
            line.Append(", analysis [");
            var first = true;
            var names = TcpAnalysisFlagNames.Names;
            for (var i = 0; i < names.Length; i++)
            {
                if (((uint)a.Flags & (1u << i)) != 0)
                {
                    if (!first)
                    {
                        line.Append(',');
                    }

                    line.Append(names[i]);
                    first = false;
                }
            }

            line.Append(']');
        }

        if (a.DuplicateAckNumber > 0)
        {
            line.Append(", dup_ack ");
            line.Append(a.DuplicateAckNumber);
            line.Append(" of ");
            line.Append(a.DuplicateAckFrame);
        }

        Span<char> scratch = stackalloc char[MaxSecondsLength];
        if (a.AckRttNanos >= 0)
        {
            line.Append(", ack_rtt ");
            line.Append(scratch[..FormatSeconds(a.AckRttNanos, scratch)]);
        }

        if (ShowsInitialRtt(a))
        {
            line.Append(", irtt ");
            line.Append(scratch[..FormatSeconds(a.InitialRttNanos, scratch)]);
        }
    }

    /// <summary>
    /// True where tshark shows <c>tcp.analysis.initial_rtt</c>: the handshake RTT is known and the packet has an
    /// analysis record (a flag, an exactly acknowledged frame or a bytes-in-flight evaluation).
    /// </summary>
    public static bool ShowsInitialRtt(in TcpPacketAnalysis a) => a.InitialRttNanos >= 0 && a.HasAnalysisRecord;
}
