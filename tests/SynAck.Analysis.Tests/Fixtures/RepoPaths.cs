namespace SynAck.Analysis.Tests.Fixtures;

/// <summary>Locates the repository root (the directory holding SynAck.slnx) and the shared data beside it.</summary>
internal static class RepoPaths
{
    public static string? Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SynAck.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName;
        }
    }

    /// <summary>A path under <c>../shared</c> relative to the repository root, or null when there is no root.</summary>
    public static string? Shared(params string[] parts) =>
        Root is { } root ? Path.GetFullPath(Path.Combine([root, "..", "shared", .. parts])) : null;
}
