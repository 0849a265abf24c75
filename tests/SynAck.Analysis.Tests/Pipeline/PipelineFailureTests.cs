using SynAck.Analysis.Output;
using SynAck.Analysis.Pipeline;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Pipeline;

/// <summary>A failure on any thread of a multi-threaded run ends the run with that failure, never a hang.</summary>
public class PipelineFailureTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void Pipeline_WorkerEncoderThrows_RunThrowsWithTheCause(bool readPerThread)
    {
        var path = PipelineFiles.Shared("captures/labeled.pcap");
        Skip.If(path is null, "../shared/captures/labeled.pcap is not present");
        var run = Task.Run(() =>
        {
            using var reader = CaptureReader.Open(path!);
            var pipeline = new ConnPipeline(new PipelineOptions { Threads = 2, ChunkSegments = 16, ReadPerThread = readPerThread }, TimeProvider.System)
            {
                Output = Stream.Null,
                Encoder = b =>
                {
                    var json = new ConnJsonLinesWriter(b);
                    return r =>
                    {
                        if (Thread.CurrentThread.Name == "synack-shard-1")
                        {
                            throw new InvalidDataException("encoder failed on the worker");
                        }

                        json.Write(r);
                    };
                },
            };
            pipeline.Run(reader);
        });

        var e = Assert.Throws<AggregateException>(() => run.Wait(Patience));
        var failure = Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Equal("a pipeline worker failed", failure.Message);
        Assert.Equal("encoder failed on the worker", Assert.IsType<InvalidDataException>(failure.InnerException).Message);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void Pipeline_CallingThreadFails_WorkersStopAndTheFailureSurfaces(bool readPerThread)
    {
        var path = PipelineFiles.Shared("captures/labeled.pcap");
        Skip.If(path is null, "../shared/captures/labeled.pcap is not present");
        var observer = new FailingObserver(after: 50);
        var run = Task.Run(() =>
        {
            using var reader = CaptureReader.Open(path!);
            new ConnPipeline(new PipelineOptions { Threads = 3, ChunkSegments = 4, ReadPerThread = readPerThread }, TimeProvider.System)
            {
                Output = Stream.Null,
                Encoder = b => new ConnJsonLinesWriter(b).Write,
                Observer = observer,
            }.Run(reader);
        });

        var e = Assert.Throws<AggregateException>(() => run.Wait(Patience));
        Assert.Equal("observer failed at packet 50", Assert.IsType<InvalidDataException>(e.InnerException).Message);
        Assert.Equal(50, observer.Seen);
    }

    private sealed class FailingObserver(int after) : IPacketObserver
    {
        public int Seen { get; private set; }

        public void OnPacket(in CapturedPacket packet, in DecodedPacket decoded, bool tracked)
        {
            if (++Seen == after)
            {
                throw new InvalidDataException($"observer failed at packet {after}");
            }
        }
    }
}
