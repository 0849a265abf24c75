using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Analysis.Tests.Fixtures;
using SynAck.Analysis.Tracking;
using SynAck.Wire.Tcp;
using Xunit.Abstractions;

namespace SynAck.Analysis.Tests.Anomalies.Sequence;

/// <summary>The per-direction analysis counts and ACK RTT statistics that conn records carry.</summary>
public sealed class ConnAnalysisCountsTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void LabeledCapture_EveryRecordsCountsAndRtt_EqualTsharkOverItsPackets()
    {
        Skip.If(LabeledDifferentialFixture.Unavailable is not null, LabeledDifferentialFixture.Unavailable);
        var tshark = TsharkConnectionAnalysis.Run(LabeledDifferentialFixture.Path);
        var run = CaptureRun.Of(LabeledDifferentialFixture.Path);

        var mismatches = new List<string>();
        long retx = 0, samples = 0;
        foreach (var r in run.Records)
        {
            var (orig, resp) = tshark.Expected(r);
            retx += r.OrigAnalysis.Retransmissions + r.RespAnalysis.Retransmissions;
            samples += r.OrigAnalysis.RttSamples + r.RespAnalysis.RttSamples;
            Compare(r, "orig", orig, r.OrigAnalysis, mismatches);
            Compare(r, "resp", resp, r.RespAnalysis, mismatches);
        }

        output.WriteLine($"{run.Records.Count} records, {retx} retransmissions, {samples} RTT samples; tshark: {tshark.Flagged} flagged packets, {tshark.RttSamples} ack_rtt; {mismatches.Count} mismatches");
        foreach (var m in mismatches.Take(20))
        {
            output.WriteLine(m);
        }

        Assert.Equal(40, retx);
        Assert.Equal(tshark.RttSamples, samples);
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Tracker_RetransmissionDupAckZeroWindow_CountedPerSenderWithRttOfTheDataSender()
    {
        var c = new Conversation(new TrackerOptions());
        Script(c);
        var r = c.Finish();

        // Orig data acknowledged after 1 ms (SYN), 2 ms (frame 4) and 4 ms (frame 5, the original of the
        // retransmission: Wireshark measures from the first transmission); the responder's SYN-ACK after 1 ms.
        Assert.Equal(
            new DirectionAnalysis
            {
                Retransmissions = 1,
                RttSamples = 3,
                RttMinNanos = 1_000_000,
                RttAvgNanos = 2_333_333,
                RttMaxNanos = 4_000_000,
                RttStdevNanos = 1_247_219,
            },
            r.OrigAnalysis);
        Assert.Equal(
            new DirectionAnalysis
            {
                DuplicateAcks = 1,
                ZeroWindows = 1,
                RttSamples = 1,
                RttMinNanos = 1_000_000,
                RttAvgNanos = 1_000_000,
                RttMaxNanos = 1_000_000,
                RttStdevNanos = 0,
            },
            r.RespAnalysis);
    }

    [Fact]
    public void Tracker_AnalysisOff_RecordsCarryZeroCounts()
    {
        var c = new Conversation(new TrackerOptions { AnalyzeSequences = false });
        Script(c);
        var r = c.Finish();

        Assert.Equal(default, r.OrigAnalysis);
        Assert.Equal(default, r.RespAnalysis);
    }

    /// <summary>Handshake, two data segments, an ACK, a duplicate ACK, a retransmission, its ACK, a zero window.</summary>
    private static void Script(Conversation c)
    {
        const uint C = Conversation.ClientIsn;
        const uint S = Conversation.ServerIsn;
        c.Handshake();
        c.Client(TcpFlags.Psh | TcpFlags.Ack, C + 1, S + 1, payload: 100);
        c.Client(TcpFlags.Psh | TcpFlags.Ack, C + 101, S + 1, payload: 100);
        c.Server(TcpFlags.Ack, S + 1, C + 101);
        c.Server(TcpFlags.Ack, S + 1, C + 101);
        c.Client(TcpFlags.Psh | TcpFlags.Ack, C + 101, S + 1, payload: 100);
        c.Server(TcpFlags.Ack, S + 1, C + 201);
        c.Server(TcpFlags.Ack, S + 1, C + 201, window: 0);
    }

    private static void Compare(ConnRecord r, string side, DirectionAnalysis expected, DirectionAnalysis actual, List<string> mismatches)
    {
        if (expected != actual)
        {
            mismatches.Add($"{r.Uid} frames {r.FirstFrame}-{r.LastFrame} {side}: tshark {expected} SynAck {actual}");
        }
    }
}
