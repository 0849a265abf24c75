namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>Locates the repository root (the directory holding SynAck.slnx) and the shared data beside it.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SynAck.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("SynAck.slnx not found above the test binaries");
        }
    }

    /// <summary>A path under ../shared relative to the repository root.</summary>
    public static string Shared(params string[] parts) =>
        Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));
}
