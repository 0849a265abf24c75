namespace SynAck.Wire.Tcp;

/// <summary>Spellings of <see cref="TcpState"/>: RFC 9293's hyphenated form and the underscore form used by Linux and SynAck's outputs.</summary>
public static class TcpStateNames
{
    private static readonly string[] s_rfc =
    [
        "CLOSED", "LISTEN", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2",
        "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT",
    ];

    private static readonly string[] s_underscore =
    [
        "CLOSED", "LISTEN", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2",
        "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT",
    ];

    /// <summary>The RFC 9293 spelling, e.g. <c>SYN-RECEIVED</c>.</summary>
    public static string ToRfcName(this TcpState state) => s_rfc[(int)state];

    /// <summary>The underscore spelling used in SynAck's records and by <c>ss</c>/<c>netstat</c>, e.g. <c>TIME_WAIT</c>.</summary>
    public static string ToName(this TcpState state) => s_underscore[(int)state];

    /// <summary>Parses either spelling (case-insensitive); false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TcpState state)
    {
        for (var i = 0; i < s_rfc.Length; i++)
        {
            if (text.Equals(s_rfc[i], StringComparison.OrdinalIgnoreCase) || text.Equals(s_underscore[i], StringComparison.OrdinalIgnoreCase))
            {
                state = (TcpState)i;
                return true;
            }
        }

        state = TcpState.Closed;
        return false;
    }
}
