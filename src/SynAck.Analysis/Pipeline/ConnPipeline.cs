using System.Buffers;
using SynAck.Analysis.Flows;
using SynAck.Analysis.Input;
using SynAck.Analysis.Output;
using SynAck.Analysis.Records;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// Runs the whole analysis of one capture: read, decode, track, and write the records, on one thread or sharded
/// over several.
/// <para>
/// With N threads the connections are split into N shards by a symmetric hash of the 4-tuple (both directions
/// meet on one shard), each with its own tracker on its own thread. A regular uncompressed file is read by every
/// thread, each building segments for and tracking its own shard only (<see cref="ScanRun"/>); standard input and
/// gzip, which can be read once only, are read and decoded by the calling thread, which hands each segment to the
/// worker that owns it, batched in pooled chunks (<see cref="PipelineRun"/>). Sweeps for expired connections happen at the same packets for every worker,
/// chosen by the reader exactly as a single tracker chooses them, so each record is produced with the same content
/// whatever the sharding. Records are written in a canonical order (<see cref="EmittedRecord"/>: emitting packet,
/// phase, first packet) as soon as every worker has finished the chunk that holds them, so output streams and is
/// byte for byte the same for any number of threads.
/// </para>
/// </summary>
public sealed class ConnPipeline
{
    private readonly PipelineOptions _options;
    private readonly TimeProvider _time;

    public ConnPipeline(PipelineOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSegments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunksInFlight, 2);
        _options = options;
        _time = time;
    }

    /// <summary>
    /// Creates, once per worker, the encoder that writes one record's bytes to the given buffer (e.g. a
    /// <see cref="Output.ZeekConnLogWriter"/>'s Write). The bytes go to <see cref="Output"/> in canonical order.
    /// </summary>
    public Func<IBufferWriter<byte>, Action<ConnRecord>>? Encoder { get; init; }

    /// <summary>
    /// Creates, once per worker, a Zeek conn.log writer for the records (instead of <see cref="Encoder"/>). Unless
    /// <see cref="OnRecord"/> wants the records too, each row is written straight from the connection's tracked
    /// state and no <see cref="ConnRecord"/> is built: the allocation-free path of <c>conns --format zeek</c>. The
    /// per-direction sequence analysis, which conn.log has no column for, is then not run either.
    /// </summary>
    public Func<IBufferWriter<byte>, ZeekConnLogWriter>? ZeekEncoder { get; init; }

    /// <summary>Where encoded records are written (the caller writes any header and footer around the run).</summary>
    public Stream? Output { get; init; }

    /// <summary>Receives every record in canonical order, on the calling thread.</summary>
    public Action<ConnRecord>? OnRecord { get; init; }

    /// <summary>
    /// Sees every packet on the calling thread as it is read; <c>tracked</c> means it was a TCP segment handed to
    /// the trackers (with several threads it has not necessarily been processed yet, so trackers' outcomes are not
    /// available here).
    /// </summary>
    public IPacketObserver? Observer { get; init; }

    /// <summary>Receives progress reports on the calling thread, at most once per <see cref="PipelineOptions.ProgressInterval"/>.</summary>
    public Action<PipelineProgress>? Progress { get; init; }

    /// <summary>Reads <paramref name="reader"/> to its end and produces every connection's record.</summary>
    public PipelineResult Run(CaptureReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var newWorker = WorkerFactory();
        if (_options.ReadPerThread && OpenPerThread(reader) is { } readers)
        {
            using var scan = new ScanRun(_options, _time, readers, newWorker, Output, OnRecord, Progress, Observer);
            return scan.Execute(cancellationToken);
        }

        using var run = new PipelineRun(_options, _time, reader, newWorker, Output, OnRecord, Progress, Observer);
        return run.Execute(cancellationToken);
    }

    /// <summary>Creates shard i's worker: its tracker and its record encoder.</summary>
    private Func<int, ShardWorker> WorkerFactory()
    {
        // Zeek rows written from the tracked state carry none of the sequence analysis (retransmission counts,
        // RTTs): when nothing else wants records, it is not computed.
        var rowsOnly = ZeekEncoder is not null && Output is not null && OnRecord is null;
        var trackerOptions = _options.Tracker with
        {
            SweepAutomatically = false,
            ReportOutcomes = false,
            AnalyzeSequences = _options.Tracker.AnalyzeSequences && !rowsOnly,
        };
        var encoder = Output is null ? null : Encoder;
        var zeekEncoder = Output is null ? null : ZeekEncoder;
        var keepRecords = OnRecord is not null;
        return i => new ShardWorker(i, trackerOptions, encoder, zeekEncoder, keepRecords);
    }

    /// <summary>A reader per thread over the capture of <paramref name="reader"/> (itself first), or null when it cannot be read again.</summary>
    private CaptureReader[]? OpenPerThread(CaptureReader reader)
    {
        var readers = new CaptureReader[_options.Threads];
        readers[0] = reader;
        for (var i = 1; i < readers.Length; i++)
        {
            if (reader.OpenAnother() is not { } another)
            {
                for (var k = 1; k < i; k++)
                {
                    readers[k].Dispose();
                }

                return null;
            }

            readers[i] = another;
        }

        return readers;
    }

    /// <summary>
    /// The shard that owns the connection of a decoded TCP packet: a symmetric hash of its 4-tuple, so both directions
    /// land on the same shard. Shard 0 is tracked on the reading thread between reads, which also reads, decodes and
    /// hands out every packet and writes the output, so it gets a fifth of the share of each other shard: with N
    /// shards the hash range is cut into 1 + 5(N - 1) parts, one for shard 0 and five for every other. Measured on
    /// 2 cores (real-close, alternating runs): 1:2 gave 1.42x the single-threaded speed, 1:3 1.47x, 1:5 1.53x, 1:8
    /// 1.50x, and 0:1 (the reader tracks nothing) 1.35x. The reader's tracking costs more than a worker's, because
    /// the packets streaming through its cache evict the connection state between two segments.
    /// </summary>
    internal static int ShardOf(in DecodedPacket p, int shards) => ShardOfHash(HashOf(p), shards);

    /// <summary>The symmetric hash of a segment's 4-tuple (the same for both directions, and as <see cref="HashOf(in DecodedPacket)"/>).</summary>
    internal static int HashOf(in TcpSegment s) =>
        FlowKey.Create(s.Source, s.SourcePort, s.Destination, s.DestinationPort).GetHashCode();

    /// <summary>The symmetric hash of a decoded TCP packet's 4-tuple (the same for both directions).</summary>
    internal static int HashOf(in DecodedPacket p) =>
        FlowKey.Create(p.Source, p.Tcp.SourcePort, p.Destination, p.Tcp.DestinationPort).GetHashCode();

    private const int ReaderWeight = 1;
    private const int WorkerWeight = 5;

    /// <summary>The shard of a 4-tuple hash (see <see cref="ShardOf"/>).</summary>
    internal static int ShardOfHash(int hash, int shards)
    {
        var parts = ReaderWeight + (WorkerWeight * (shards - 1));
        var part = (int)(((ulong)(uint)hash * (uint)parts) >> 32);
        return part < ReaderWeight ? 0 : 1 + ((part - ReaderWeight) / WorkerWeight);
    }
}
