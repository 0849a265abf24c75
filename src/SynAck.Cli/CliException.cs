namespace SynAck.Cli;

/// <summary>An error a command reports as one line on standard error and an exit code, without a stack trace.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    /// <summary>The process exit code: <see cref="ExitCodes.Input"/> or <see cref="ExitCodes.Usage"/>.</summary>
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    public static CliException Input(string message) => new(ExitCodes.Input, message);
}
