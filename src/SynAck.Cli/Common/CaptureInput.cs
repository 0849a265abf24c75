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
}
