namespace SynAck.Cli;

/// <summary>The process exit codes of <c>synack</c> (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad input: a missing, unreadable or unrecognised capture file.</summary>
    public const int Input = 1;

    /// <summary>Bad usage: unknown command or option, missing or malformed argument.</summary>
    public const int Usage = 2;
}
