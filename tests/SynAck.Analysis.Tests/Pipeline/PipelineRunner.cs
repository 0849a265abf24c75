using SynAck.Analysis.Output;
using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Capture;

namespace SynAck.Analysis.Tests.Pipeline;

/// <summary>Runs captures through <see cref="ConnPipeline"/> or a plain tracker and returns the JSON lines written.</summary>
internal static class PipelineRunner
{
    /// <summary>
    /// JSON lines of the pipeline over a capture file: every thread reading it (<paramref name="readPerThread"/>), or
    /// one reading for all.
    /// </summary>
    public static (byte[] Bytes, PipelineResult Result) Json(string path, int threads, int chunk = 8192, bool readPerThread = true)
    {
        using var reader = CaptureReader.Open(path);
        using var output = new MemoryStream();
        var options = new PipelineOptions { Threads = threads, ChunkSegments = chunk, ReadPerThread = readPerThread };
        var pipeline = new ConnPipeline(options, TimeProvider.System)
        {
            Output = output,
            Encoder = b => new ConnJsonLinesWriter(b).Write,
        };
        var result = Within(() => pipeline.Run(reader));
        return (output.ToArray(), result);
    }

    /// <summary>
    /// Zeek conn.log rows (no header) of the pipeline: straight from the trackers' state, or, with
    /// <paramref name="viaRecords"/>, formatted from the <see cref="ConnRecord"/> objects (kept because OnRecord wants them).
    /// </summary>
    public static byte[] ZeekRows(string path, int threads, bool viaRecords)
    {
        using var reader = CaptureReader.Open(path);
        using var output = new MemoryStream();
        var records = 0;
        var pipeline = new ConnPipeline(new PipelineOptions { Threads = threads }, TimeProvider.System)
        {
            Output = output,
            ZeekEncoder = b => new ZeekConnLogWriter(b, TimeProvider.System),
            OnRecord = viaRecords ? _ => records++ : null,
        };
        var result = Within(() => pipeline.Run(reader));
        Assert.Equal(viaRecords ? result.Connections : 0, records);
        return output.ToArray();
    }

    public static List<ConnRecord> Records(string path, int threads, int chunk = 8192)
    {
        using var reader = CaptureReader.Open(path);
        var records = new List<ConnRecord>();
        var pipeline = new ConnPipeline(new PipelineOptions { Threads = threads, ChunkSegments = chunk }, TimeProvider.System)
        {
            OnRecord = records.Add,
        };
        Within(() => pipeline.Run(reader));
        return records;
    }

    /// <summary>
    /// Runs a multi-threaded pipeline with a time limit far above its need (a fraction of a second here), so a lost
    /// hand-over between threads fails the test instead of hanging the suite.
    /// </summary>
    private static T Within<T>(Func<T> run)
    {
        var task = Task.Factory.StartNew(run, TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(TimeSpan.FromMinutes(2)), "the pipeline run did not finish within 2 minutes");
        return task.Result;
    }

    /// <summary>The records of one plain tracker with automatic sweeps (no pipeline), in its emission order.</summary>
    public static List<ConnRecord> PlainTracker(string path)
    {
        using var reader = CaptureReader.Open(path);
        var sink = new ListSink();
        CaptureFeeder.Run(reader, new ConnectionTracker(new TrackerOptions(), sink), new PipelineOptions().Feed);
        return sink.Records;
    }

    private sealed class ListSink : IConnectionSink
    {
        public List<ConnRecord> Records { get; } = [];

        public void OnConnection(ConnRecord record) => Records.Add(record);
    }
}
