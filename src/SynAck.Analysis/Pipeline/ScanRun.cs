using System.Buffers;
using SynAck.Analysis.Input;
using SynAck.Analysis.Output;
using SynAck.Analysis.Records;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// A multi-threaded run of a <see cref="ConnPipeline"/> over a file every thread can read for itself
/// (<see cref="CaptureReader.OpenAnother"/>): each thread reads and decodes the whole capture, and builds segments
/// for and tracks only the connections of its own shard. Nothing is copied between threads but the encoded records.
/// <para>
/// Reading and decoding are the cheap part of a run (a third of it), so doing them on every thread costs less than
/// handing every segment from one reading thread to the others (<see cref="PipelineRun"/>), where the reader's fixed
/// work bounds the speed-up. Every thread sees every packet, so each computes the same sweep instants, the same
/// hand-over boundaries (epochs: a sweep, or <see cref="PipelineOptions.ChunkSegments"/> packets) and the same end of capture as a
/// single tracker would; the calling thread merges each epoch's records in canonical order once every thread has
/// finished it, so the output is the same bytes as a single-threaded run.
/// </para>
/// </summary>
internal sealed class ScanRun : IDisposable
{
    /// <summary>Epochs a thread may run ahead of the merge before it waits (bounds the records held).</summary>
    private const int RingSize = 4;

    private const long CancellationCheckMask = 0xFFFF;

    private readonly PipelineOptions _options;
    private readonly IPacketObserver? _observer;
    private readonly Func<int, ShardWorker> _newWorker;
    private readonly OutputMerger _merger;
    private readonly Lane[] _lanes;
    private readonly Thread[] _threads;
    private readonly ShardOutput?[] _merging;
    private readonly RunReporter _reporter;
    private Exception? _failure;
    private volatile bool _aborted;
    private readonly CountdownEvent _atEnd;
    private long _merged;
    private long _ownDone;

    /// <summary>
    /// A run over <paramref name="readers"/>, one reader per thread over the same capture: the first is read on the
    /// calling thread, and the run disposes the others.
    /// </summary>
    public ScanRun(
        PipelineOptions options, TimeProvider time, CaptureReader[] readers, Func<int, ShardWorker> newWorker, Stream? output,
        Action<ConnRecord>? onRecord, Action<PipelineProgress>? progress, IPacketObserver? observer)
    {
        _options = options;
        _observer = observer;
        _newWorker = newWorker;
        _merger = new OutputMerger(output, onRecord);
        _lanes = new Lane[readers.Length];
        for (var i = 0; i < readers.Length; i++)
        {
            _lanes[i] = new Lane(readers[i]);
        }

        _threads = new Thread[readers.Length - 1];
        _merging = new ShardOutput?[readers.Length];
        _atEnd = new CountdownEvent(readers.Length);
        _reporter = new RunReporter(options.ProgressInterval, time, progress);
    }

    /// <summary>
    /// The shard of a 4-tuple hash: equal parts, as every thread reads and decodes the whole capture (unlike
    /// <see cref="ConnPipeline.ShardOfHash"/>, where the reading thread's other work earns it a smaller part).
    /// </summary>
    internal static int ShardOfHash(int hash, int shards) => (int)(((ulong)(uint)hash * (uint)shards) >> 32);

    /// <summary>
    /// True for a packet thread <paramref name="index"/> has nothing to do with: a plain frame (its 4-tuple hash read)
    /// of another shard, earlier than the next sweep (a packet that may start one is decoded by every thread).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsOthers(bool hasHash, int hash, long timestampNanos, long nextSweep, int shards, int index) =>
        hasHash && timestampNanos < nextSweep && ShardOfHash(hash, shards) != index;

    public PipelineResult Execute(CancellationToken cancellationToken)
    {
        StartThreads();
        var lane = _lanes[0];
        lane.Worker = _newWorker(0);
        Scan(0, cancellationToken);

        // The other threads finish their last epochs; merge everything left.
        while (true)
        {
            AcquireEpoch(_merged, wait: true);
            if (AllFinishedBefore(_merged))
            {
                break;
            }

            MergeEpoch();
        }

        foreach (var t in _threads)
        {
            t.Join();
        }

        ThrowIfFailed();
        _merger.Flush();
        Report(force: true);
        return _reporter.Result(
            _lanes.Select(l => l.Worker!), _merger, _lanes[0].Reader, _lanes[0].Packets, _lanes.Sum(l => l.Segments), _lanes.Length);
    }

    public void Dispose()
    {
        if (Array.Exists(_threads, t => t is { IsAlive: true }))
        {
            _aborted = true;
            ArriveAtEnd(_lanes[0]);
            foreach (var lane in _lanes)
            {
                lane.Free.Release(RingSize);
            }

            foreach (var t in _threads)
            {
                t.Join();
            }
        }

        for (var i = 0; i < _lanes.Length; i++)
        {
            if (i > 0)
            {
                _lanes[i].Reader.Dispose();
            }

            _lanes[i].Free.Dispose();
            if (i == 0)
            {
                _atEnd.Dispose();
            }

            _lanes[i].Completed.Dispose();
            _lanes[i].DisposeRing();
        }
    }

    /// <summary>
    /// Thread <paramref name="index"/>'s whole run: every packet read and decoded; the segments of its shard tracked;
    /// epochs ended (and their sweeps run) at the same packets on every thread; the flush at the end.
    /// </summary>
    private void Scan(int index, CancellationToken cancellationToken)
    {
        var lane = _lanes[index];
        var reader = lane.Reader;
        var worker = lane.Worker!;
        var shards = _lanes.Length;
        var decode = _options.Decode;
        var verify = _options.VerifyChecksums;
        var sweepInterval = _options.Tracker.SweepIntervalNs;
        var observer = index == 0 ? _observer : null;
        var latest = long.MinValue;
        var nextSweep = long.MinValue;
        var epochPackets = _options.ChunkSegments;
        var inEpoch = 0;
        long epoch = 0;
        if (!BeginEpoch(index, epoch))
        {
            return;
        }

        // Other threads' packets are passed over in the reader's own loop (see below); with an observer every packet
        // is decoded here, and one thread has no other threads' packets.
        var passOver = observer is null && shards > 1;
        var others = new OtherShards(index, shards);
        while (true)
        {
            var declined = false;
            if (passOver)
            {
                // Never past a packet that ends an epoch or comes to a cancellation check: those take the path below.
                var max = Math.Min(epochPackets - inEpoch - 1, (lane.Packets | CancellationCheckMask) - lane.Packets);
                others.NextSweep = nextSweep;
                var passed = reader.SkipWhile(ref others, (int)max, out declined);
                lane.Packets += passed;
                inEpoch += passed;
            }

            if (!reader.TryReadNext(out var packet))
            {
                break;
            }

            if ((++lane.Packets & CancellationCheckMask) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_aborted)
                {
                    return;
                }

                if (index == 0)
                {
                    Report(force: false);
                }
            }

            var end = ++inEpoch == epochPackets;
            var sweep = false;
            var owner = 0;
            var tracked = false;
            // The 4-tuple hash of a plain frame, read from its bytes (when sharding needs it).
            // (When the pass-over loop declined this packet, it read the hash already.)
            var peeked = others.Hash;
            var hasHash = declined ? others.HasHash : passOver && FlowPeek.TryHash(packet.LinkType, packet.Data, out peeked);
            if (IsOthers(hasHash, peeked, packet.TimestampNanos, nextSweep, shards, index))
            {
                // Another thread's packet, read from its bytes without decoding, when it cannot start a sweep:
                // nothing more to do here (its owner decodes it). Whether it was a segment at all only matters for a
                // sweep, and for the latest time, which the owner's thread keeps (the flush takes the latest of all).
            }
            else if (observer is null && !verify &&
                FastSegment.TryParse(packet.LinkType, packet.Data, packet.FrameNumber, packet.TimestampNanos, out var quick))
            {
                // A plain Ethernet/IPv4/TCP frame: its segment read straight from the bytes (the general path's equal),
                // and its hash, when read already, is the tracker's too (FlowPeek reads the same bytes).
                tracked = true;
                if (shards == 1)
                {
                    lane.Segments++;
                    worker.Track(quick);
                }
                else
                {
                    if (!hasHash)
                    {
                        peeked = ConnPipeline.HashOf(quick);
                    }

                    owner = ShardOfHash(peeked, shards);
                    if (owner == index)
                    {
                        lane.Segments++;
                        worker.Track(quick, peeked);
                    }
                }
            }
            else
            {
                PacketDecoder.Decode(packet.LinkType, packet.Data, decode, out var decoded);
                tracked = TcpSegmentFactory.IsTracked(decoded);
                observer?.OnPacket(packet, decoded, tracked);
                if (tracked)
                {
                    // One thread: no shard to choose, and the tracker hashes the segment itself. Several: the hash that
                    // chooses the shard is the tracker's too (the segment carries the decoded 4-tuple).
                    var hash = shards == 1 ? 0 : ConnPipeline.HashOf(decoded);
                    owner = shards == 1 ? 0 : ShardOfHash(hash, shards);
                    if (owner == index)
                    {
                        lane.Segments++;
                        if (TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, verify, out var segment) ||
                            TcpSegmentFactory.TryCreateHeaderOnly(decoded, packet.FrameNumber, packet.TimestampNanos, out segment))
                        {
                            if (shards == 1)
                            {
                                worker.Track(segment);
                            }
                            else
                            {
                                worker.Track(segment, hash);
                            }
                        }
                    }
                }
            }

            if (tracked)
            {
                // The tracker's own rule (ConnectionTracker.Process): sweep after the first segment at or past the next
                // sweep time; every thread sees that segment, so every thread sweeps there.
                var now = packet.TimestampNanos;
                if (now > latest)
                {
                    latest = now;
                }

                if (now >= nextSweep)
                {
                    nextSweep = now + sweepInterval;
                    sweep = true;
                    end = true;
                }
            }

            if (end)
            {
                EndEpoch(index, epoch, new HandOverEnd(sweep, packet.TimestampNanos, owner, packet.FrameNumber, false, 0));
                inEpoch = 0;
                if (!BeginEpoch(index, ++epoch))
                {
                    return;
                }
            }
        }

        EndEpoch(index, epoch, new HandOverEnd(false, 0, 0, 0, true, AgreeOnLatest(index, latest)));
    }

    /// <summary>
    /// The latest segment time of the whole capture, for the flush: every segment is decoded by the thread that owns
    /// it (others may pass over it), so it is the latest of all threads' latest times, once every thread has read
    /// to the end. The calling thread goes on merging while it waits, so no thread waits for a free ring slot forever.
    /// </summary>
    private long AgreeOnLatest(int index, long latest)
    {
        _lanes[index].Latest = latest;
        ArriveAtEnd(_lanes[index]);
        if (index == 0)
        {
            while (!_atEnd.Wait(0))
            {
                if (_merged < _ownDone && AcquireEpoch(_merged, wait: false))
                {
                    MergeEpoch();
                }
                else
                {
                    _atEnd.Wait(1);
                }

                ThrowIfFailed();
            }
        }
        else
        {
            _atEnd.Wait();
        }

        var max = long.MinValue;
        foreach (var lane in _lanes)
        {
            max = Math.Max(max, lane.Latest);
        }

        return max;
    }

    /// <summary>Counts a thread as at the end, once.</summary>
    private void ArriveAtEnd(Lane lane)
    {
        lock (lane)
        {
            if (lane.AtEnd)
            {
                return;
            }

            lane.AtEnd = true;
        }

        _atEnd.Signal();
    }

    /// <summary>
    /// Starts epoch <paramref name="epoch"/> of a thread in its ring slot, once the merge has freed that slot; false
    /// when the run was abandoned meanwhile.
    /// </summary>
    private bool BeginEpoch(int index, long epoch)
    {
        var lane = _lanes[index];
        if (index == 0)
        {
            // The calling thread merges: it frees its own slot by merging the oldest epoch, waiting for the others.
            while (epoch - _merged >= RingSize)
            {
                AcquireEpoch(_merged, wait: true);
                MergeEpoch();
            }
        }
        else
        {
            lane.Free.Wait();
            if (_aborted)
            {
                return false;
            }
        }

        var output = lane.Ring[epoch % RingSize];
        output.Reset();
        lane.Worker!.Begin(output);
        return true;
    }

    /// <summary>Ends a thread's epoch (its sweep or flush) and tells the merge.</summary>
    private void EndEpoch(int index, long epoch, in HandOverEnd end)
    {
        var lane = _lanes[index];
        lane.Worker!.End(end);
        if (end.Final)
        {
            lane.LastEpoch = epoch;
        }

        if (index == 0)
        {
            _ownDone = epoch + 1;

            // Merge whatever every thread has finished, without waiting.
            while (_merged <= epoch && AcquireEpoch(_merged, wait: false))
            {
                MergeEpoch();
            }
        }
        else
        {
            lane.Completed.Release();
        }
    }

    /// <summary>
    /// True when every thread has finished epoch <paramref name="epoch"/> (or its run ended before it); with
    /// <paramref name="wait"/>, waits for that. Threads already counted stay counted until the epoch is merged.
    /// </summary>
    private bool AcquireEpoch(long epoch, bool wait)
    {
        for (var i = 1; i < _lanes.Length; i++)
        {
            var lane = _lanes[i];
            if (lane.Acquired)
            {
                continue;
            }

            if (wait)
            {
                lane.Completed.Wait();
            }
            else if (!lane.Completed.Wait(0))
            {
                return false;
            }

            lane.Acquired = true;
        }

        ThrowIfFailed();
        return epoch < _ownDone || _lanes[0].LastEpoch < epoch;
    }

    /// <summary>True when every thread's run ended before <paramref name="epoch"/>.</summary>
    private bool AllFinishedBefore(long epoch) => Array.TrueForAll(_lanes, l => l.LastEpoch < epoch);

    /// <summary>Writes the acquired epoch's records and frees its ring slot on every thread.</summary>
    private void MergeEpoch()
    {
        var epoch = _merged;
        for (var i = 0; i < _lanes.Length; i++)
        {
            var lane = _lanes[i];
            _merging[i] = epoch <= lane.LastEpoch ? lane.Ring[epoch % RingSize] : null;
        }

        _merger.Merge(_merging);
        _merged++;
        for (var i = 0; i < _lanes.Length; i++)
        {
            var lane = _lanes[i];
            lane.Acquired = false;
            if (i > 0)
            {
                lane.Free.Release();
            }
        }
    }

    private void Report(bool force) => _reporter.Report(force, _lanes[0].Reader, _lanes[0].Packets, _merger.Live);

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new InvalidOperationException("a pipeline worker failed", failure);
        }
    }

    private void StartThreads()
    {
        for (var i = 0; i < _threads.Length; i++)
        {
            var index = i + 1;
            _threads[i] = new Thread(() => WorkerMain(index)) { IsBackground = true, Name = "synack-shard-" + index };
            _threads[i].Start();
        }
    }

    private void WorkerMain(int index)
    {
        var lane = _lanes[index];
        try
        {
            // Allocated on its own thread, so what it writes per segment shares no cache line with another thread's
            // objects (see PipelineRun.StartThreads).
            lane.Worker = _newWorker(index);
            Scan(index, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
        }
        finally
        {
            // However it ended, no thread waits for this one again: it is at the end, and epochs past its last are empty.
            ArriveAtEnd(lane);
            if (lane.LastEpoch == long.MaxValue)
            {
                lane.LastEpoch = -1;
            }

            lane.Completed.Release(int.MaxValue / 2);
        }
    }



    /// <summary>
    /// Passes over another thread's packets: a plain frame (<see cref="FlowPeek"/>) of another shard that cannot
    /// start a sweep, the packets <see cref="Scan"/> would do nothing with; keeps the hash it read of the packet it
    /// keeps.
    /// </summary>
    private struct OtherShards(int index, int shards) : IPacketSkip
    {
        public long NextSweep;
        public int Hash;
        public bool HasHash;

        public bool Skip(LinkType linkType, ReadOnlySpan<byte> data, long timestampNanos)
        {
            HasHash = FlowPeek.TryHash(linkType, data, out Hash);
            return IsOthers(HasHash, Hash, timestampNanos, NextSweep, shards, index);
        }
    }

    /// <summary>One thread's reader, tracker, ring of epoch outputs and hand-shakes with the merge.</summary>
    private sealed class Lane(CaptureReader reader)
    {
        public CaptureReader Reader { get; } = reader;

        public ShardWorker? Worker { get; set; }

        /// <summary>
        /// The thread's epoch outputs: made on first use, by the thread itself when it begins its first epoch (the
        /// merge reads a thread's outputs only after it finished an epoch), so a run's threads do not wait for the
        /// calling thread to allocate and touch every thread's buffers first.
        /// </summary>
        public ShardOutput[] Ring => _ring ??= Enumerable.Range(0, RingSize).Select(_ => new ShardOutput()).ToArray();

        /// <summary>Frees the epoch outputs' buffers, once the run is over.</summary>
        public void DisposeRing()
        {
            foreach (var output in _ring ?? [])
            {
                output.Dispose();
            }
        }

        /// <summary>Ring slots the thread may fill (released by the merge).</summary>
        public SemaphoreSlim Free { get; } = new(RingSize);

        /// <summary>Released once per finished epoch (and for good when the thread's run ends).</summary>
        public SemaphoreSlim Completed { get; } = new(0);

        /// <summary>Set by the merging thread when it has counted this thread's epoch being merged as finished.</summary>
        public bool Acquired { get; set; }

        /// <summary>The thread's final epoch, once its run ended (-1 when it failed before any).</summary>
        public long LastEpoch
        {
            get => Volatile.Read(ref _lastEpoch);
            set => Volatile.Write(ref _lastEpoch, value);
        }

        public long Packets;

        /// <summary>Segments this thread tracked (every segment is tracked by one thread).</summary>
        public long Segments;

        /// <summary>The latest segment time this thread decoded, once it read to the end.</summary>
        public long Latest = long.MinValue;

        /// <summary>Set when the thread has told <see cref="AgreeOnLatest"/> its latest time (or failed).</summary>
        public bool AtEnd;

        private long _lastEpoch = long.MaxValue;
        private ShardOutput[]? _ring;
    }
}
