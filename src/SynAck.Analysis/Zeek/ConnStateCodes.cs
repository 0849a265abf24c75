namespace SynAck.Analysis.Zeek;

/// <summary>Spelling of <see cref="ConnState"/> values as Zeek writes them.</summary>
public static class ConnStateCodes
{
    private static readonly string[] s_codes =
        ["S0", "S1", "SF", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH"];

    /// <summary>The conn.log code, e.g. <c>RSTOS0</c>.</summary>
    public static string ToZeekCode(this ConnState state) => s_codes[(int)state];

    /// <summary>Parses a conn.log code; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out ConnState state)
    {
        for (var i = 0; i < s_codes.Length; i++)
        {
            if (code.SequenceEqual(s_codes[i]))
            {
                state = (ConnState)i;
                return true;
            }
        }

        state = ConnState.Oth;
        return false;
    }
}
