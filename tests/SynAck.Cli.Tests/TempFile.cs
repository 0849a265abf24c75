namespace SynAck.Cli.Tests;

/// <summary>A uniquely named temporary file, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(byte[] content, string extension = ".pcap")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "synack-test-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
