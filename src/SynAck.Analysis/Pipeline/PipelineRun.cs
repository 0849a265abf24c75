using System.Buffers;
using System.Runtime.InteropServices;
using SynAck.Analysis.Input;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// One run of a <see cref="ConnPipeline"/>: the reader loop on the calling thread, the chunk ring, the worker
/// threads, and the merge that writes each finished chunk's records in canonical order.
/// </summary>
internal sealed class PipelineRun : IDisposable
{
    private static readonly Comparison<EmittedRecord> s_order = EmittedRecord.Compare;

    private readonly PipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly CaptureReader _reader;
    private readonly Stream? _output;
    private readonly Action<ConnRecord>? _onRecord;
    private readonly Action<PipelineProgress>? _progress;
    private readonly ShardWorker[] _workers;
    private readonly Chunk[] _ring;
    private readonly SemaphoreSlim[] _ready;
    private readonly Thread[] _threads;
    private readonly List<EmittedRecord> _merge = [];
    private readonly long _started;
    private BufferedStream? _buffered;
    private Exception? _failure;
    private volatile bool _aborted;
    private long _issued;
    private long _merged;
    private long _connections;
    private long _live;
    private long _peakLive;
    private long _packets;
    private long _lastReport;

    public PipelineRun(
        PipelineOptions options, TimeProvider time, CaptureReader reader, Func<IBufferWriter<byte>, Action<ConnRecord>>? encoder,
        Stream? output, Action<ConnRecord>? onRecord, Action<PipelineProgress>? progress)
    {
        _options = options;
        _time = time;
        _reader = reader;
        _output = output;
        _onRecord = onRecord;
        _progress = progress;
        var shards = options.Threads;
        var trackerOptions = options.Tracker with { SweepAutomatically = false };
        _workers = new ShardWorker[shards];
        for (var i = 0; i < shards; i++)
        {
            _workers[i] = new ShardWorker(i, trackerOptions, output is null ? null : encoder, onRecord is not null);
        }

        _ring = new Chunk[shards == 1 ? 1 : options.ChunksInFlight];
        for (var i = 0; i < _ring.Length; i++)
        {
            _ring[i] = new Chunk(shards, options.ChunkSegments);
        }

        _ready = new SemaphoreSlim[shards == 1 ? 0 : shards];
        _threads = new Thread[_ready.Length];
        _started = time.GetTimestamp();
    }

    private bool Inline => _threads.Length == 0;

    public PipelineResult Execute(CancellationToken cancellationToken)
    {
        _buffered = _output is null ? null : new BufferedStream(_output, 1 << 16);
        StartThreads();
        var verify = _options.VerifyChecksums;
        var capacity = _options.ChunkSegments;
        var interval = _options.Tracker.SweepIntervalNs;
        var shards = _workers.Length;
        var nextSweep = long.MinValue;
        var latest = long.MinValue;
        long tcp = 0;
        var chunk = _ring[0];
        chunk.Reset();
        while (_reader.TryReadNext(out var packet))
        {
            if ((++_packets & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Report(force: false);
            }

            PacketDecoder.Decode(packet.LinkType, packet.Data, _options.Decode, out var decoded);
            if (decoded.Status != ParseStatus.Ok || !decoded.HasTcp)
            {
                continue;
            }

            var shard = shards == 1 ? 0 : ConnPipeline.ShardOf(decoded, shards);
            var n = chunk.Counts[shard];
            if (!TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, verify, out chunk.Segments[shard][n]))
            {
                continue;
            }

            tcp++;
            chunk.Counts[shard] = ++n;
            var now = packet.TimestampNanos;
            if (now > latest)
            {
                latest = now;
            }

            // The tracker's own rule (ConnectionTracker.Process): sweep after the first segment at or past the
            // next sweep time.
            if (now >= nextSweep)
            {
                nextSweep = now + interval;
                chunk.Sweep = true;
                chunk.SweepNs = now;
                chunk.SweepOwner = shard;
            }

            if (chunk.Sweep || n == capacity)
            {
                chunk.EndFrame = packet.FrameNumber;
                chunk = Issue(chunk);
            }
        }

        chunk.Final = true;
        chunk.EndNs = latest;
        chunk.EndFrame = long.MaxValue;
        Issue(chunk);
        while (_merged < _issued)
        {
            MergeNext(wait: true);
        }

        StopThreads();
        _buffered?.Flush();
        Report(force: true);
        return Result(tcp);
    }

    public void Dispose()
    {
        if (Array.Exists(_threads, t => t is { IsAlive: true }))
        {
            _aborted = true;
            foreach (var s in _ready)
            {
                s.Release();
            }

            foreach (var t in _threads)
            {
                t.Join();
            }
        }

        foreach (var s in _ready)
        {
            s?.Dispose();
        }

        foreach (var c in _ring)
        {
            c.Done.Dispose();
        }
    }

    /// <summary>Hands <paramref name="chunk"/> to the workers (or runs it inline) and returns the next free chunk.</summary>
    private Chunk Issue(Chunk chunk)
    {
        if (Inline)
        {
            _workers[0].Run(chunk);
            _issued++;
            Merge(chunk);
            _merged++;
            chunk.Reset();
            return chunk;
        }

        chunk.Arm(_workers.Length);
        _issued++;
        foreach (var s in _ready)
        {
            s.Release();
        }

        while (_merged < _issued && _ring[_merged % _ring.Length].Done.IsSet)
        {
            MergeNext(wait: false);
        }

        if (_issued - _merged == _ring.Length)
        {
            MergeNext(wait: true);
        }

        var next = _ring[_issued % _ring.Length];
        next.Reset();
        return next;
    }

    private void MergeNext(bool wait)
    {
        var chunk = _ring[_merged % _ring.Length];
        if (wait)
        {
            chunk.Done.Wait();
        }

        if (_failure is { } failure)
        {
            throw new InvalidOperationException("a pipeline worker failed", failure);
        }

        Merge(chunk);
        _merged++;
    }

    /// <summary>Writes the records of a finished chunk in canonical order.</summary>
    private void Merge(Chunk chunk)
    {
        _merge.Clear();
        long live = 0;
        foreach (var o in chunk.Outputs)
        {
            _merge.AddRange(o.Records);
            live += o.LiveConnections;
        }

        var records = CollectionsMarshal.AsSpan(_merge);
        records.Sort(s_order);
        foreach (ref readonly var r in records)
        {
            if (_buffered is not null)
            {
                _buffered.Write(chunk.Outputs[r.Shard].Bytes.WrittenSpan.Slice(r.Offset, r.Length));
            }

            if (r.Record is not null)
            {
                _onRecord!(r.Record);
            }
        }

        _connections += records.Length;
        _live = live;
        if (live > _peakLive)
        {
            _peakLive = live;
        }
    }

    private void Report(bool force)
    {
        if (_progress is null)
        {
            return;
        }

        var now = _time.GetTimestamp();
        if (!force && _time.GetElapsedTime(_lastReport, now) < _options.ProgressInterval)
        {
            return;
        }

        _lastReport = now;
        var live = Inline ? _workers[0].Tracker.LiveConnections : _live;
        _progress(new PipelineProgress(_reader.BytesRead, _reader.TotalBytes, _packets, live, _time.GetElapsedTime(_started, now)));
    }

    private PipelineResult Result(long tcp)
    {
        long evictions = 0;
        long peak = 0;
        foreach (var w in _workers)
        {
            var c = w.Tracker.Counters;
            evictions += c.EvictedIdle + c.EvictedCapacity;
            peak = Math.Max(peak, c.PeakLive);
        }

        return new PipelineResult
        {
            Packets = _packets,
            TcpSegments = tcp,
            Bytes = _reader.BytesRead,
            Connections = _connections,
            PeakLiveConnections = Inline ? peak : Math.Max(peak, _peakLive),
            Evictions = evictions,
            Threads = _workers.Length,
            Elapsed = _time.GetElapsedTime(_started),
        };
    }

    private void StartThreads()
    {
        for (var i = 0; i < _threads.Length; i++)
        {
            _ready[i] = new SemaphoreSlim(0);
            var index = i;
            _threads[i] = new Thread(() => WorkerLoop(index)) { IsBackground = true, Name = "synack-shard-" + i };
            _threads[i].Start();
        }
    }

    private void StopThreads()
    {
        foreach (var t in _threads)
        {
            t.Join();
        }
    }

    private void WorkerLoop(int index)
    {
        var worker = _workers[index];
        var ready = _ready[index];
        for (long k = 0; ; k++)
        {
            ready.Wait();
            if (_aborted)
            {
                return;
            }

            var chunk = _ring[k % _ring.Length];
            try
            {
                worker.Run(chunk);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }

            chunk.Complete();
            if (chunk.Final)
            {
                return;
            }
        }
    }
}
