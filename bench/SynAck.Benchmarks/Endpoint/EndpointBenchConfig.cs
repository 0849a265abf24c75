using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SynAck.Benchmarks.Endpoint;

/// <summary>
/// Monitoring strategy (each invocation is a whole transfer, timed individually) run in-process: the comparison
/// owns namespaces and devices, and a generated project per case only adds build time on a loaded machine.
/// </summary>
public sealed class EndpointBenchConfig : ManualConfig
{
    public EndpointBenchConfig() => AddJob(Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(7)
        .WithToolchain(InProcessEmitToolchain.Instance));
}
