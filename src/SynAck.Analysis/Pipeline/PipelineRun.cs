using System.Buffers;
using System.Runtime.InteropServices;
using SynAck.Analysis.Input;
using SynAck.Analysis.Output;
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
    private readonly PipelineOptions _options;
    private readonly CaptureReader _reader;
    private readonly IPacketObserver? _observer;
    private readonly ShardWorker[] _workers;
    private readonly Func<int, ShardWorker> _newWorker;
    private readonly Chunk[] _ring;
    private readonly SemaphoreSlim[] _ready;
    private readonly Thread[] _threads;
    private readonly OutputMerger _merger;
    private readonly RunReporter _reporter;
    private Exception? _failure;
    private volatile bool _aborted;
    private long _issued;
    private long _merged;
    private long _packets;
    private long _tcp;
    private long _latest = long.MinValue;
    private long _nextSweep = long.MinValue;
    private Chunk _chunk;
    private int _ownSegments;

    public PipelineRun(
        PipelineOptions options, TimeProvider time, CaptureReader reader, Func<int, ShardWorker> newWorker, Stream? output,
        Action<ConnRecord>? onRecord, Action<PipelineProgress>? progress, IPacketObserver? observer)
    {
        _observer = observer;
        _options = options;
        _reader = reader;
        _merger = new OutputMerger(output, onRecord);
        var shards = options.Threads;
        _workers = new ShardWorker[shards];
        _newWorker = newWorker;
        _workers[0] = _newWorker(0);

        _ring = new Chunk[shards == 1 ? 1 : options.ChunksInFlight];
        for (var i = 0; i < _ring.Length; i++)
        {
            _ring[i] = new Chunk(shards, options.ChunkSegments);
        }

        // Shard 0 is tracked on the reading thread; shards 1..N-1 each on a worker thread.
        _ready = new SemaphoreSlim[shards - 1];
        _threads = new Thread[_ready.Length];
        _chunk = _ring[0];
        _reporter = new RunReporter(options.ProgressInterval, time, progress);
    }

    private bool Inline => _threads.Length == 0;

    public PipelineResult Execute(CancellationToken cancellationToken)
    {
        StartThreads();
        _chunk = _ring[0];
        _chunk.Reset();
        _workers[0].Begin(_chunk);
        var consumer = new Consumer(this);
        CaptureFeeder.Feed(_reader, _options.Feed, ref consumer, cancellationToken);
        var chunk = _chunk;
        chunk.Final = true;
        chunk.EndNs = _latest;
        chunk.EndFrame = long.MaxValue;
        Issue(chunk);
        while (_merged < _issued)
        {
            MergeNext(wait: true);
        }

        StopThreads();
        _merger.Flush();
        Report(force: true);
        return _reporter.Result(_workers, _merger, _reader, _packets, _tcp, readers: 1);
    }

    /// <summary>Counts a packet that is not tracked, and reports progress now and then.</summary>
    private void Count()
    {
        if ((++_packets & 0x3FFF) == 0)
        {
            Report(force: false);
        }
    }

    /// <summary>
    /// Tracks a segment of shard 0 at once, or puts it in its worker's part of the current chunk; hands the chunk
    /// over when a part is full or a sweep is due.
    /// </summary>
    private void Add(in DecodedPacket decoded, in TcpSegment segment)
    {
        Count();
        var chunk = _chunk;
        var shards = _workers.Length;
        var shard = shards == 1 ? 0 : ConnPipeline.ShardOf(decoded, shards);
        int n;
        if (shard == 0)
        {
            // The reading thread's own shard: tracked now, while the segment is still in cache, not copied.
            _workers[0].Track(segment);
            n = ++_ownSegments;
        }
        else
        {
            n = chunk.Counts[shard];
            chunk.Segments[shard][n] = segment;
            chunk.Counts[shard] = ++n;
        }

        _tcp++;
        var now = segment.TimestampNanos;
        if (now > _latest)
        {
            _latest = now;
        }

        // The tracker's own rule (ConnectionTracker.Process): sweep after the first segment at or past the
        // next sweep time.
        if (now >= _nextSweep)
        {
            _nextSweep = now + _options.Tracker.SweepIntervalNs;
            chunk.Sweep = true;
            chunk.SweepNs = now;
            chunk.SweepOwner = shard;
        }

        if (chunk.Sweep || n == _options.ChunkSegments)
        {
            chunk.EndFrame = segment.FrameNumber;
            _chunk = Issue(chunk);
        }
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
            c.Dispose();
        }
    }

    /// <summary>Hands <paramref name="chunk"/> to the workers (or runs it inline) and returns the next free chunk.</summary>
    private Chunk Issue(Chunk chunk)
    {
        _ownSegments = 0;
        if (Inline)
        {
            _workers[0].End(chunk);
            _issued++;
            Merge(chunk);
            _merged++;
            chunk.Reset();
            _workers[0].Begin(chunk);
            return chunk;
        }

        chunk.Arm(_threads.Length);
        _issued++;
        foreach (var s in _ready)
        {
            s.Release();
        }

        // The reading thread's own shard has tracked its segments already: its sweep or flush, while the workers
        // track theirs.
        _workers[0].End(chunk);

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
        _workers[0].Begin(next);
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

    private void Merge(Chunk chunk) => _merger.Merge(chunk.Outputs);

    private void Report(bool force) =>
        _reporter.Report(force, _reader, _packets, Inline ? _workers[0].Tracker.LiveConnections : _merger.Live);



    private void StartThreads()
    {
        using var created = new CountdownEvent(_threads.Length);
        for (var i = 0; i < _threads.Length; i++)
        {
            _ready[i] = new SemaphoreSlim(0);
            var index = i;
            _threads[i] = new Thread(() =>
            {
                // Each worker's tracker is allocated on its own thread, in that thread's allocation context: the
                // objects it writes for every segment then share no cache line with the reader's. Allocated on the
                // reading thread, next to the reader's objects, they made the reader's own loop (CaptureReader)
                // 3.5 times as expensive (false sharing; 4 % -> 16 % of the reading thread's time).
                try
                {
                    _workers[index + 1] = _newWorker(index + 1);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.CompareExchange(ref _failure, e, null);
                    return;
                }
                finally
                {
                    created.Signal();
                }

                WorkerLoop(index);
            })
            { IsBackground = true, Name = "synack-shard-" + (i + 1) };
            _threads[i].Start();
        }

        created.Wait();
        if (_failure is { } failure)
        {
            throw new InvalidOperationException("a pipeline worker failed", failure);
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
        var worker = _workers[index + 1];
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

            // Whether this was the last chunk is read before completing it: once completed, the merge may reuse the
            // chunk for a later one, and finding that one's Final here made the worker quit before it (the run then
            // waited for it forever; seen under load with small chunks).
            var final = chunk.Final;
            chunk.Complete();
            if (final)
            {
                return;
            }
        }
    }

    /// <summary>The feeder's view of the run (a struct, so the feeder loop is specialised for it).</summary>
    private readonly struct Consumer(PipelineRun run) : IPacketConsumer
    {
        public void OnSegment(in CapturedPacket packet, in DecodedPacket decoded, in TcpSegment segment)
        {
            run._observer?.OnPacket(packet, decoded, tracked: true);
            run.Add(decoded, segment);
        }

        public void OnOther(in CapturedPacket packet, in DecodedPacket decoded)
        {
            run._observer?.OnPacket(packet, decoded, tracked: false);
            if (TcpSegmentFactory.TryCreateHeaderOnly(decoded, packet.FrameNumber, packet.TimestampNanos, out var headerOnly))
            {
                // Finds or creates the connection only (TcpSegment.HeaderOnly), on the shard that owns it.
                run.Add(decoded, headerOnly);
            }
            else
            {
                run.Count();
            }
        }
    }
}
