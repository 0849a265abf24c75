using System.Text.Json;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

/// <summary>
/// TCP flag spellings. JSON arrays list names in wire-bit order, lowest bit first: FIN, SYN, RST, PSH, ACK, URG,
/// ECE, CWR, AE (so SYN+ACK is <c>["SYN","ACK"]</c>). Text uses tcpdump's letters in tcpdump's order
/// (F S R P . U E W e; "none" when no bit is set).
/// </summary>
public static class FlagNames
{
    /// <summary>The flags in JSON order (RFC 9293 §3.1 bit layout, RFC 3168 ECE/CWR, RFC 9768 AE).</summary>
    public static ReadOnlySpan<ushort> Order => [0x001, 0x002, 0x004, 0x008, 0x010, 0x020, 0x040, 0x080, 0x100];

    public static string Name(TcpFlags flag) => flag switch
    {
        TcpFlags.Fin => "FIN",
        TcpFlags.Syn => "SYN",
        TcpFlags.Rst => "RST",
        TcpFlags.Psh => "PSH",
        TcpFlags.Ack => "ACK",
        TcpFlags.Urg => "URG",
        TcpFlags.Ece => "ECE",
        TcpFlags.Cwr => "CWR",
        TcpFlags.Ae => "AE",
        _ => "RES",
    };

    /// <summary>Pre-encoded JSON strings for <see cref="Order"/>, one set per writer (no static state).</summary>
    public static JsonEncodedText[] EncodedNames()
    {
        var names = new JsonEncodedText[Order.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = JsonEncodedText.Encode(Name((TcpFlags)Order[i]));
        }

        return names;
    }

    /// <summary>tcpdump's flag letters: <c>S.</c> for SYN+ACK, <c>none</c> for no flags.</summary>
    public static void AppendTcpdump(ref LineBuilder line, TcpFlags flags)
    {
        if ((flags & (TcpFlags)0x1FF) == 0)
        {
            line.Append("none");
            return;
        }

        AppendIf(ref line, flags, TcpFlags.Fin, 'F');
        AppendIf(ref line, flags, TcpFlags.Syn, 'S');
        AppendIf(ref line, flags, TcpFlags.Rst, 'R');
        AppendIf(ref line, flags, TcpFlags.Psh, 'P');
        AppendIf(ref line, flags, TcpFlags.Ack, '.');
        AppendIf(ref line, flags, TcpFlags.Urg, 'U');
        AppendIf(ref line, flags, TcpFlags.Ece, 'E');
        AppendIf(ref line, flags, TcpFlags.Cwr, 'W');
        AppendIf(ref line, flags, TcpFlags.Ae, 'e');
    }

    private static void AppendIf(ref LineBuilder line, TcpFlags flags, TcpFlags flag, char letter)
    {
        if ((flags & flag) != 0)
        {
            line.Append(letter);
        }
    }
}
