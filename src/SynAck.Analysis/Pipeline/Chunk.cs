using SynAck.Analysis.Input;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// One hand-over from the reader to every shard: each shard's segments (in capture order), what to do after them
/// (a sweep at a given time, or the end of the capture), and each shard's output. Pooled and reused in a ring.
/// </summary>
internal sealed class Chunk : IDisposable
{
    private int _pending;

    public Chunk(int shards, int capacity)
    {
        Segments = new TcpSegment[shards][];
        Counts = new int[shards];
        Outputs = new ShardOutput[shards];
        for (var i = 0; i < shards; i++)
        {
            Segments[i] = new TcpSegment[capacity];
            Outputs[i] = new ShardOutput();
        }
    }

    public TcpSegment[][] Segments { get; }

    public int[] Counts { get; }

    public ShardOutput[] Outputs { get; }

    /// <summary>Number of the last packet read into this chunk.</summary>
    public long EndFrame { get; set; }

    /// <summary>True when every shard sweeps after its segments (at <see cref="SweepNs"/>).</summary>
    public bool Sweep { get; set; }

    public long SweepNs { get; set; }

    /// <summary>The shard that received the segment that triggered the sweep (it leaves that connection alone).</summary>
    public int SweepOwner { get; set; }

    /// <summary>True for the last chunk: every shard flushes its table at <see cref="EndNs"/>.</summary>
    public bool Final { get; set; }

    public long EndNs { get; set; }

    /// <summary>What every shard does after its segments.</summary>
    public HandOverEnd End => new(Sweep, SweepNs, SweepOwner, EndFrame, Final, EndNs);

    /// <summary>Set when every shard finished this chunk.</summary>
    public ManualResetEventSlim Done { get; } = new(false);

    public void Reset()
    {
        Array.Clear(Counts);
        EndFrame = 0;
        Sweep = false;
        Final = false;
        Done.Reset();
        foreach (var o in Outputs)
        {
            o.Reset();
        }
    }

    public void Dispose()
    {
        Done.Dispose();
        foreach (var o in Outputs)
        {
            o.Dispose();
        }
    }

    /// <summary>Arms the completion count before the chunk is handed to <paramref name="shards"/> shards.</summary>
    public void Arm(int shards) => Volatile.Write(ref _pending, shards);

    /// <summary>Called by each shard when it finished; the last one sets <see cref="Done"/>.</summary>
    public void Complete()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            Done.Set();
        }
    }
}
