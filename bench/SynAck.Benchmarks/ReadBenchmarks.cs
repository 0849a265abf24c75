using BenchmarkDotNet.Attributes;
using SynAck.Capture;

namespace SynAck.Benchmarks;

/// <summary>
/// Reads every packet of real-close.pcap (1,867,242 packets, 186 MB; decompress it first:
/// <c>zstd -d -k ../shared/bench/real-close.pcap.zst</c>). The path comes from SYNACK_BENCH_PCAP, else
/// <c>../shared/bench/real-close.pcap</c> beside the repository root. Each benchmark reports time and allocation per
/// packet (OperationsPerInvoke = packet count), so packets/s = 1e9 / Mean(ns).
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    /// <summary>Packets in real-close.pcap (its README); a different file is refused rather than mis-reported.</summary>
    private const int Packets = 1_867_242;

    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Environment.GetEnvironmentVariable("SYNACK_BENCH_PCAP") is { Length: > 0 } fromEnv
            ? fromEnv
            : Path.GetFullPath(Path.Combine(RepoRoot(), "../shared/bench/real-close.pcap"));
        if (!File.Exists(_path))
        {
            throw new FileNotFoundException(
                $"{_path} is missing: run `zstd -d -k ../shared/bench/real-close.pcap.zst` or set SYNACK_BENCH_PCAP", _path);
        }

        var count = ReadFile();
        if (count != Packets)
        {
            throw new InvalidOperationException($"{_path} holds {count} packets, expected real-close.pcap's {Packets}");
        }
    }

    /// <summary>Regular file: large positioned reads into one pooled buffer, packets parsed in place.</summary>
    [Benchmark(OperationsPerInvoke = Packets)]
    public long ReadFile()
    {
        using var reader = CaptureReader.Open(_path);
        return Drain(reader);
    }

    /// <summary>The same file as a forward-only stream (the stdin and gzip path).</summary>
    [Benchmark(OperationsPerInvoke = Packets)]
    public long ReadStream()
    {
        var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var reader = CaptureReader.Open(stream, "stream");
        return Drain(reader);
    }

    private static long Drain(CaptureReader reader)
    {
        long packets = 0;
        long bytes = 0;
        while (reader.TryReadNext(out var p))
        {
            packets++;
            bytes += p.Data.Length;
        }

        return bytes > 0 ? packets : -packets;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SynAck.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
