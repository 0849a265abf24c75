using SynAck.Wire;

namespace SynAck.Analysis.Input;

/// <summary>
/// The tunnel a segment arrived through (the innermost one when tunnels nest): its kind and the outer IP packet's
/// endpoints as that packet carried them. <see cref="TunnelKind.None"/> for a segment that was not tunnelled.
/// </summary>
public readonly record struct Encapsulation
{
    public TunnelKind Kind { get; init; }

    /// <summary>Outer IP protocol: 4 or 41 (IP-in-IP), 47 (GRE) or 17 (UDP tunnels).</summary>
    public byte Protocol { get; init; }

    public IpAddr Source { get; init; }

    public IpAddr Destination { get; init; }

    /// <summary>Outer UDP source port (0 for IP-in-IP and GRE).</summary>
    public ushort SourcePort { get; init; }

    public ushort DestinationPort { get; init; }

    public bool IsTunnel => Kind != TunnelKind.None;

    /// <summary>The tunnel of a decoded packet (none when no tunnel was followed).</summary>
    public static Encapsulation Of(in DecodedPacket p) => p.TunnelDepth == 0 ? default : new Encapsulation
    {
        Kind = p.Tunnel,
        Protocol = p.OuterProtocol,
        Source = p.OuterSource,
        Destination = p.OuterDestination,
        SourcePort = p.OuterSourcePort,
        DestinationPort = p.OuterDestinationPort,
    };

    /// <summary>
    /// A 64-bit identity that is the same for both directions of the tunnel, as Zeek compares encapsulations: an
    /// IP tunnel is its address pair (either order), a UDP tunnel is its UDP flow (address and port pairs, either
    /// order). Deterministic (no per-process hash seed), so uids derived from it are stable.
    /// </summary>
    public ulong Identity()
    {
        var forward = Source.Bits < Destination.Bits || (Source.Bits == Destination.Bits && SourcePort <= DestinationPort);
        var (a, ap, b, bp) = forward ? (Source.Bits, SourcePort, Destination.Bits, DestinationPort) : (Destination.Bits, DestinationPort, Source.Bits, SourcePort);
        var h = Mix(((ulong)Kind << 56) | ((ulong)Protocol << 48) | ((ulong)ap << 16) | bp | (Source.IsV6 ? 1UL << 40 : 0));
        h = Mix(h ^ (ulong)a);
        h = Mix(h ^ (ulong)(a >> 64));
        h = Mix(h ^ (ulong)b);
        return Mix(h ^ (ulong)(b >> 64));
    }

    // splitmix64 finalizer with an added constant so a zero input does not map to zero.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
