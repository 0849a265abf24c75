using System.Buffers;
using SynAck.Analysis.Input;
using SynAck.Analysis.Output;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// One shard: its own <see cref="ConnectionTracker"/> over the connections whose 4-tuple hashes to it. Processes
/// its part of each <see cref="Chunk"/>, sweeps and flushes when the chunk says so, and encodes every record it
/// emits into the chunk's output together with the record's canonical key (<see cref="EmittedRecord"/>).
/// </summary>
internal sealed class ShardWorker : IZeekRowSink
{
    private readonly int _index;
    private readonly ShardBufferWriter _buffer = new();
    private readonly Action<ConnRecord>? _encode;
    private readonly ZeekConnLogWriter? _zeek;
    private readonly bool _keepRecords;
    private ShardOutput? _output;
    private long _emitFrame;
    private byte _phase;

    public ShardWorker(
        int index, TrackerOptions options, Func<IBufferWriter<byte>, Action<ConnRecord>>? encoderFactory,
        Func<IBufferWriter<byte>, ZeekConnLogWriter>? zeekFactory, bool keepRecords)
    {
        _index = index;
        _keepRecords = keepRecords;
        _zeek = zeekFactory?.Invoke(_buffer);
        _encode = _zeek is not null ? _zeek.Write : encoderFactory?.Invoke(_buffer);
        Tracker = new ConnectionTracker(options, this);
    }

    /// <summary>Zeek rows straight from the tracker's state when the rows are all that is wanted (no records kept).</summary>
    public bool AcceptsZeekRows => _zeek is not null && !_keepRecords;

    public ConnectionTracker Tracker { get; }

    /// <summary>Tracks this shard's segments of <paramref name="chunk"/>, then sweeps and flushes as it says.</summary>
    public void Run(Chunk chunk)
    {
        Begin(chunk);
        var segments = chunk.Segments[_index];
        var count = chunk.Counts[_index];
        for (var i = 0; i < count; i++)
        {
            Track(segments[i]);
        }

        End(chunk);
    }

    /// <summary>Starts a chunk: the records emitted from now on go to its output.</summary>
    public void Begin(Chunk chunk) => Begin(chunk.Outputs[_index]);

    /// <summary>Starts a hand-over: the records emitted from now on go to <paramref name="output"/>.</summary>
    public void Begin(ShardOutput output)
    {
        _output = output;
        _buffer.Target = output.Bytes;
        _phase = 0;
    }

    /// <summary>Tracks one segment of the current chunk.</summary>
    public void Track(in TcpSegment segment)
    {
        _emitFrame = segment.FrameNumber;
        Tracker.Process(segment);
    }

    /// <summary>Tracks one segment whose 4-tuple hash is known (<see cref="ConnectionTracker.Process(in TcpSegment, int)"/>).</summary>
    public void Track(in TcpSegment segment, int hash)
    {
        _emitFrame = segment.FrameNumber;
        Tracker.Process(segment, hash);
    }

    /// <summary>Ends the current chunk: its sweep and, for the last chunk, the flush.</summary>
    public void End(Chunk chunk) => End(chunk.End);

    /// <summary>Ends the current hand-over: its sweep and, for the last one, the flush.</summary>
    public void End(in HandOverEnd end)
    {
        if (end.Sweep)
        {
            // The same sweep instant for every shard; only the shard that just processed the triggering segment
            // leaves its connection alone, exactly as a single tracker's automatic sweep does.
            _emitFrame = end.EndFrame;
            _phase = 1;
            var from = _output!.Records.Count;
            Tracker.Sweep(end.SweepNs, skipLastConnection: end.SweepOwner == _index);
            SortByFirstFrame(from);
        }

        if (end.Final)
        {
            _emitFrame = long.MaxValue;
            _phase = 2;
            var from = _output!.Records.Count;
            Tracker.Flush(end.EndNs);
            SortByFirstFrame(from);
        }

        _output!.LiveConnections = Tracker.LiveConnections;
    }

    /// <summary>
    /// Puts the records from <paramref name="from"/> on (one sweep's or the flush's: one emit frame and phase, in
    /// slot order) in canonical order, by first frame (unique: a packet starts at most one connection), on this
    /// shard's thread: the merging thread then only merges sorted lists (sorting every shard's lists there, with a
    /// comparison delegate, was the larger part of the run's single-threaded tail).
    /// </summary>
    private void SortByFirstFrame(int from)
    {
        var records = _output!.Records.Written[from..];
        if (EmittedRecordOrder.IsSorted(records))
        {
            return;
        }

        var keys = ArrayPool<long>.Shared.Rent(records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            keys[i] = records[i].FirstFrame;
        }

        keys.AsSpan(0, records.Length).Sort(records);
        ArrayPool<long>.Shared.Return(keys);
    }

    public void OnConnection(ConnRecord record)
    {
        var output = _output!;
        var start = output.Bytes.Count;
        _encode?.Invoke(record);
        output.Records.Add(new EmittedRecord(
            _emitFrame, record.FirstFrame, start, output.Bytes.Count - start, _keepRecords ? output.Keep(record) : -1, _phase));
    }

    public void OnZeekRow(in ZeekConnRow row, long firstFrame)
    {
        var output = _output!;
        var start = output.Bytes.Count;
        _zeek!.Write(row);
        output.Records.Add(new EmittedRecord(_emitFrame, firstFrame, start, output.Bytes.Count - start, -1, _phase));
    }
}
