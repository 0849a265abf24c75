namespace SynAck.Capture.Tests.Support;

/// <summary>Locates the repository root (the directory holding SynAck.slnx) and the shared data beside it.</summary>
internal static class SharedFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string LabeledPcap => Path.GetFullPath(Path.Combine(RepoRoot, "../shared/captures/labeled.pcap"));

    public static string ZeekCorpus => Path.GetFullPath(Path.Combine(RepoRoot, "../shared/corpus/zeek"));

    public static bool HasLabeled => File.Exists(LabeledPcap);

    /// <summary>Every trace.pcap / trace.pcapng of the Zeek corpus, sorted; empty when the corpus is absent.</summary>
    public static string[] ZeekTraces()
    {
        if (!Directory.Exists(ZeekCorpus))
        {
            return [];
        }

        var files = Directory.GetFiles(ZeekCorpus, "trace.pcap*", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SynAck.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
