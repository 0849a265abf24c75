namespace SynAck.Cli.Tests;

/// <summary>Locates the repository (the directory holding SynAck.slnx) and the shared data beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample => Path.Combine(Root, "samples", "sample.pcap");

    /// <summary>The shared data directory, <c>../shared</c> relative to the repository root.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SynAck.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SynAck.slnx not found above " + AppContext.BaseDirectory);
    }
}
