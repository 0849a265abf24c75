using SynAck.Wire;

namespace SynAck.Analysis.Findings;

/// <summary>
/// One reported finding with its evidence. Packet-level findings are aggregated per id, source and destination
/// (and ports, for connection-level ones): <see cref="Count"/> says how many packets or connections matched.
/// </summary>
public sealed record Finding
{
    public required string Id { get; init; }

    public required FindingSeverity Severity { get; init; }

    public required string Title { get; init; }

    /// <summary>The sender of the offending packets (the scanner, the flooder's victim for floods is <see cref="Destination"/>).</summary>
    public IpAddr? Source { get; init; }

    public IpAddr? Destination { get; init; }

    public ushort? SourcePort { get; init; }

    public ushort? DestinationPort { get; init; }

    /// <summary>Matching packets (or probes, connections, SYNs: see the finding's page).</summary>
    public long Count { get; init; }

    /// <summary>Distinct target hosts, for scans and floods.</summary>
    public int? DistinctHosts { get; init; }

    /// <summary>Distinct target ports, for scans.</summary>
    public int? DistinctPorts { get; init; }

    /// <summary>Distinct sources, for floods.</summary>
    public int? DistinctSources { get; init; }

    public long FirstFrame { get; init; }

    public long LastFrame { get; init; }

    /// <summary>First matching packet's time, ns since the Unix epoch.</summary>
    public long FirstNanos { get; init; }

    /// <summary>Last matching packet's time, ns since the Unix epoch.</summary>
    public long LastNanos { get; init; }

    /// <summary>Up to five example frame numbers.</summary>
    public IReadOnlyList<long> ExampleFrames { get; init; } = [];

    /// <summary>Finding-specific detail, e.g. "expected ack 1001, got 1005".</summary>
    public string? Detail { get; init; }
}
