namespace SynAck.Cli.Commands.Listen;

/// <summary>Opening the file a file-mode endpoint sends.</summary>
public static class EndpointFiles
{
    /// <summary>
    /// A function that opens <paramref name="path"/> ('-' is standard input) for each connection, or null without a
    /// file. A missing file is an input error before anything is set up.
    /// </summary>
    public static Func<Stream>? Opener(CliEnvironment environment, string? path)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (path is null)
        {
            return null;
        }

        if (path == "-")
        {
            return environment.OpenInput;
        }

        if (!File.Exists(path))
        {
            throw CliException.Input($"{path}: no such file");
        }

        return () => File.OpenRead(path);
    }
}
