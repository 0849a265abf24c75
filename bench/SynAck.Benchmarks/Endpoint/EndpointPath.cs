namespace SynAck.Benchmarks.Endpoint;

/// <summary>Who talks to whom in <see cref="EndpointComparisonBenchmarks"/>.</summary>
public enum EndpointPath
{
    /// <summary>SynAck's stack (TcpHost) in this process to the kernel in a namespace, over a TUN device.</summary>
    SynAckKernelTun,

    /// <summary>A kernel socket in this process to the kernel in a namespace, over a veth pair.</summary>
    KernelKernelVeth,

    /// <summary>A kernel socket to the kernel, over loopback.</summary>
    KernelKernelLoopback,

    /// <summary>Two SynAck stacks (TcpHost each) over the in-memory simulated link, on the real clock.</summary>
    SynAckSynAckSimulated,
}
