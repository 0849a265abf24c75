using SynAck.Analysis.Tracking;
using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>Configuration of a <see cref="ConnPipeline"/> run.</summary>
public sealed record PipelineOptions
{
    /// <summary>Tracker configuration; every shard gets its own tracker with these options.</summary>
    public TrackerOptions Tracker { get; init; } = new();

    /// <summary>
    /// Threads tracking connections. 1 runs everything on the calling thread; N &gt; 1 splits the connections into N
    /// shards by a hash of their 4-tuple, each tracked on its own thread, the calling thread being one of them (so N
    /// threads keep N cores busy, not N + 1); <see cref="ReadPerThread"/> says how the threads get their packets.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// With several threads, let every thread read a regular uncompressed capture file itself and track its own shard
    /// (the default; faster, see <see cref="ConnPipeline"/>); off, or for standard input and gzip, one thread reads
    /// and hands segments to the others. The output is the same either way.
    /// </summary>
    public bool ReadPerThread { get; init; } = true;

    /// <summary>Verify TCP checksums while decoding (Zeek without <c>-C</c>).</summary>
    public bool VerifyChecksums { get; init; }

    /// <summary>
    /// What the decoder follows beyond link framing, IP and TCP; by default tunnels (IP-in-IP, GRE, VXLAN, Geneve,
    /// GTP-U, Teredo, 802.1ah, FabricPath), as Zeek decapsulates them.
    /// </summary>
    public DecodeOptions Decode { get; init; } = DecodeOptions.FollowTunnels;

    /// <summary>The feeder settings these options imply.</summary>
    public FeedOptions Feed => new() { Decode = Decode, VerifyChecksums = VerifyChecksums };

    /// <summary>
    /// The batching unit: segments a worker's chunk holds before the chunk is handed over, or, when every thread
    /// reads the capture (<see cref="ReadPerThread"/>), packets per epoch, after which the records are merged.
    /// </summary>
    public int ChunkSegments { get; init; } = 8192;

    /// <summary>Chunks in flight per worker before the reader waits: bounds the memory between reader and workers (one reader only).</summary>
    public int ChunksInFlight { get; init; } = 4;

    /// <summary>Minimum time between two progress reports.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
