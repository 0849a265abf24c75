using BenchmarkDotNet.Attributes;

namespace SynAck.Benchmarks.Endpoint;

/// <summary>
/// SynAck against the kernel's own TCP, in one run: a 10 MiB transfer each way and completed connections
/// (connect, the server closes, the client reads end of stream and closes) over each <see cref="EndpointPath"/>.
/// The far side is the same python3 server for every kernel path, so only the near stack and the link differ.
/// Needs root: <c>sudo dotnet run -c Release --project bench/SynAck.Benchmarks -- --filter '*EndpointComparison*'</c>.
/// Each invocation is one transfer (or 100 connections), timed by BenchmarkDotNet's monitoring strategy.
/// </summary>
[Config(typeof(EndpointBenchConfig))]
public class EndpointComparisonBenchmarks
{
    private const int Size = 10 * 1024 * 1024;
    private const int Connections = 100;
    private readonly byte[] _data = new byte[Size];
    private readonly byte[] _buffer = new byte[1 << 20];
    private BenchNetwork _network = null!;

    [Params(EndpointPath.SynAckKernelTun, EndpointPath.KernelKernelVeth, EndpointPath.KernelKernelLoopback, EndpointPath.SynAckSynAckSimulated)]
    public EndpointPath Path { get; set; }

    [GlobalSetup]
    public void Setup() => _network = BenchNetwork.CreateAsync(Path, Size).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _network.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>This side sends 10 MiB, half-closes and reads the server's end of stream.</summary>
    [Benchmark]
    public async Task<long> Send10MiB()
    {
        await using var s = await _network.ConnectAsync(BenchNetwork.SinkPort);
        for (var i = 0; i < Size; i += 1 << 20)
        {
            await s.WriteAsync(_data.AsMemory(i, 1 << 20));
        }

        BenchNetwork.ShutdownWrite(s);
        return await DrainAsync(s);
    }

    /// <summary>The server sends 10 MiB and closes; this side reads to end of stream.</summary>
    [Benchmark]
    public async Task<long> Receive10MiB()
    {
        await using var s = await _network.ConnectAsync(BenchNetwork.SourcePort);
        var n = await DrainAsync(s);
        return n == Size ? n : throw new InvalidOperationException($"received {n} bytes");
    }

    /// <summary>Completed connections: handshake, the server's FIN, our FIN.</summary>
    [Benchmark(OperationsPerInvoke = Connections)]
    public async Task<int> Connect()
    {
        for (var i = 0; i < Connections; i++)
        {
            await using var s = await _network.ConnectAsync(BenchNetwork.ClosePort);
            await DrainAsync(s);
        }

        return Connections;
    }

    private async Task<long> DrainAsync(Stream s)
    {
        long total = 0;
        int n;
        while ((n = await s.ReadAsync(_buffer)) > 0)
        {
            total += n;
        }

        return total;
    }
}
