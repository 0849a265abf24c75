using SynAck.Capture;

namespace SynAck.Cli.Common;

/// <summary>Opens a capture named on the command line; every way that can fail becomes one <see cref="CliException"/> line naming the file.</summary>
public static class CaptureInput
{
    public static CaptureReader Open(CliEnvironment environment, string path)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(path);
        if (path != "-" && Directory.Exists(path))
        {
            throw CliException.Input($"{path}: is a directory");
        }

        try
        {
            return path == "-" ? CaptureReader.Open(environment.OpenInput(), "-") : CaptureReader.Open(path);
        }
        catch (FileNotFoundException)
        {
            throw CliException.Input($"{path}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw CliException.Input($"{path}: no such file or directory");
        }
        catch (UnauthorizedAccessException)
        {
            throw CliException.Input($"{path}: permission denied");
        }
        catch (CaptureFormatException e)
        {
            // The reader's messages usually name the input already ("x.txt: not a pcap or pcapng capture").
            throw CliException.Input(e.Message.StartsWith(path + ":", StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}");
        }
        catch (IOException e)
        {
            throw CliException.Input($"{path}: {e.Message}");
        }
    }

    /// <summary>
    /// Opens every capture; each one that fails is reported as one stderr line. With a single capture the failure
    /// is thrown instead (the caller's top level reports it). Returns the exit code so far (0, or 1 after a failure).
    /// </summary>
    public static int OpenAll(CliEnvironment environment, IReadOnlyList<string> paths, out List<(string Path, CaptureReader Reader)> readers)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(paths);
        readers = new List<(string, CaptureReader)>(paths.Count);
        var exit = ExitCodes.Ok;
        foreach (var path in paths)
        {
            try
            {
                readers.Add((path, Open(environment, path)));
            }
            catch (CliException e) when (paths.Count > 1)
            {
                environment.Error.WriteLine("synack: " + e.Message);
                exit = e.ExitCode;
            }
        }

        return exit;
    }
}
