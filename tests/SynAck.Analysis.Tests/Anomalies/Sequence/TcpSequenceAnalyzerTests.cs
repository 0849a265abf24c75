using SynAck.Analysis.Anomalies.Sequence;
using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.Anomalies.Sequence;

public sealed class TcpSequenceAnalyzerTests
{
    private const TcpFlags A = TcpFlags.Ack;
    private const TcpFlags PA = TcpFlags.Psh | TcpFlags.Ack;
    private readonly TcpSequenceAnalyzer _analyzer = new();
    private readonly SegmentScript _s = new();

    /// <summary>Client ISN 1000, server ISN 5000; after it the client's next sequence is 1001, the server's 5001.</summary>
    private void Handshake(sbyte clientWs = -1, sbyte serverWs = -1)
    {
        _analyzer.Analyze(_s.FromClient(TcpFlags.Syn, 1000, 0, windowScale: clientWs));
        _s.Now += 9_000_000;
        _analyzer.Analyze(_s.FromServer(TcpFlags.Syn | A, 5000, 1001, windowScale: serverWs));
        _analyzer.Analyze(_s.FromClient(A, 1001, 5001));
    }

    [Fact]
    public void Handshake_ThirdAck_CarriesInitialRttFromSyn()
    {
        _analyzer.Analyze(_s.FromClient(TcpFlags.Syn, 1000, 0));
        _s.Now += 9_000_000;
        var synAck = _analyzer.Analyze(_s.FromServer(TcpFlags.Syn | A, 5000, 1001));
        var ack = _analyzer.Analyze(_s.FromClient(A, 1001, 5001));
        Assert.Equal(-1, synAck.InitialRttNanos);
        Assert.Equal(11_000_000, ack.InitialRttNanos);
        Assert.Equal(1, synAck.AckedFrame);
        Assert.Equal(10_000_000, synAck.AckRttNanos);
        Assert.Equal(2, ack.AckedFrame);
    }

    [Fact]
    public void Established_SameDataTwice_SecondIsRetransmission()
    {
        Handshake();
        var first = _analyzer.Analyze(_s.FromClient(PA, 1001, 5001, 100));
        _s.Now += 200_000_000;
        var again = _analyzer.Analyze(_s.FromClient(PA, 1001, 5001, 100));
        Assert.Equal(TcpAnalysisFlags.None, first.Flags);
        Assert.Equal(TcpAnalysisFlags.Retransmission, again.Flags);
    }

    [Fact]
    public void Established_EarlierDataWithinInitialRtt_IsOutOfOrder()
    {
        Handshake();
        _analyzer.Analyze(_s.FromClient(PA, 1101, 5001, 100));
        var late = _analyzer.Analyze(_s.FromClient(PA, 1001, 5001, 100));
        Assert.Equal(TcpAnalysisFlags.OutOfOrder, late.Flags);
    }

    [Fact]
    public void Established_GapInSequence_IsLostSegment()
    {
        Handshake();
        var r = _analyzer.Analyze(_s.FromClient(PA, 1101, 5001, 100));
        Assert.Equal(TcpAnalysisFlags.LostSegment, r.Flags);
        Assert.Equal(-1, r.BytesInFlight);
    }

    [Fact]
    public void Established_AckBeyondSeenData_IsAckLostSegment()
    {
        Handshake();
        _analyzer.Analyze(_s.FromClient(PA, 1001, 5001, 100));
        var r = _analyzer.Analyze(_s.FromServer(A, 5001, 1201));
        Assert.Equal(TcpAnalysisFlags.AckLostSegment, r.Flags);
    }

    /// <summary>
    /// The pattern of a capture that drops packets twice in one direction (tcpdump falling behind a bulk transfer):
    /// a gap, data after it, an ACK covering the gap, more data, then a FIN acknowledging data never captured.
    /// tshark 4.0 flags both ACKs as ack_lost_segment (and so gives both an analysis tree with the initial RTT).
    /// </summary>
    [Fact]
    public void Established_TwoCaptureGapsInOneDirection_BothCoveringAcksAreAckLostSegment()
    {
        Handshake();
        _analyzer.Analyze(_s.FromServer(A, 5001, 1001, 100));
        var gap = _analyzer.Analyze(_s.FromServer(A, 5201, 1001, 100));
        _analyzer.Analyze(_s.FromServer(A, 5301, 1001, 100));
        var firstAck = _analyzer.Analyze(_s.FromClient(A, 1001, 5301));
        _analyzer.Analyze(_s.FromServer(A, 5401, 1001, 100));
        _analyzer.Analyze(_s.FromServer(A, 5501, 1001, 100));
        var fin = _analyzer.Analyze(_s.FromClient(TcpFlags.Fin | A, 1001, 9001));
        Assert.Equal(TcpAnalysisFlags.LostSegment, gap.Flags);
        Assert.Equal(TcpAnalysisFlags.AckLostSegment, firstAck.Flags);
        Assert.Equal(TcpAnalysisFlags.AckLostSegment, fin.Flags);
        Assert.True(fin.HasAnalysisRecord);
        Assert.Equal(11_000_000, fin.InitialRttNanos);
    }

    [Fact]
    public void Established_ThreeDupAcksThenResend_NumbersDupAcksAndFlagsFastRetransmission()
    {
        Handshake();
        _analyzer.Analyze(_s.FromClient(PA, 1001, 5001, 100));
        _analyzer.Analyze(_s.FromClient(PA, 1101, 5001, 100));
        var ack = _analyzer.Analyze(_s.FromServer(A, 5001, 1101));
        var d1 = _analyzer.Analyze(_s.FromServer(A, 5001, 1101));
        var d2 = _analyzer.Analyze(_s.FromServer(A, 5001, 1101));
        var d3 = _analyzer.Analyze(_s.FromServer(A, 5001, 1101));
        var resend = _analyzer.Analyze(_s.FromClient(PA, 1101, 5001, 100));
        Assert.Equal(TcpAnalysisFlags.None, ack.Flags);
        Assert.Equal((TcpAnalysisFlags.DuplicateAck, 1, ack.FrameNumber), (d1.Flags, d1.DuplicateAckNumber, d1.DuplicateAckFrame));
        Assert.Equal((TcpAnalysisFlags.DuplicateAck, 2, ack.FrameNumber), (d2.Flags, d2.DuplicateAckNumber, d2.DuplicateAckFrame));
        Assert.Equal(3, d3.DuplicateAckNumber);
        Assert.Equal(TcpAnalysisFlags.FastRetransmission | TcpAnalysisFlags.Retransmission, resend.Flags);
    }

    [Fact]
    public void Established_ResendOfAckedData_IsSpuriousRetransmission()
    {
        Handshake();
        _analyzer.Analyze(_s.FromClient(PA, 1001, 5001, 100));
        _analyzer.Analyze(_s.FromServer(A, 5001, 1101));
        _s.Now += 300_000_000;
        var r = _analyzer.Analyze(_s.FromClient(PA, 1001, 5001, 100));
        Assert.Equal(TcpAnalysisFlags.SpuriousRetransmission | TcpAnalysisFlags.Retransmission, r.Flags);
    }

    [Fact]
    public void Established_ZeroWindowProbeAndReply_AreFlagged()
    {
        Handshake();
        _analyzer.Analyze(_s.FromClient(PA, 1001, 5001, 100));
        var zw = _analyzer.Analyze(_s.FromServer(A, 5001, 1101, window: 0));
        var probe = _analyzer.Analyze(_s.FromClient(A, 1101, 5001, 1));
        var reply = _analyzer.Analyze(_s.FromServer(A, 5001, 1101, window: 0));
        var update = _analyzer.Analyze(_s.FromServer(A, 5001, 1101, window: 2000));
        Assert.Equal(TcpAnalysisFlags.ZeroWindow, zw.Flags);
        Assert.Equal(TcpAnalysisFlags.ZeroWindowProbe, probe.Flags);
        Assert.Equal(TcpAnalysisFlags.ZeroWindow | TcpAnalysisFlags.ZeroWindowProbeAck, reply.Flags);
        Assert.Equal(TcpAnalysisFlags.WindowUpdate, update.Flags);
    }

    [Fact]
    public void Established_KeepAliveAndReply_AreFlagged()
    {
        Handshake();
        var ka = _analyzer.Analyze(_s.FromClient(A, 1000, 5001));
        var kaAck = _analyzer.Analyze(_s.FromServer(A, 5001, 1001));
        Assert.Equal(TcpAnalysisFlags.KeepAlive, ka.Flags);
        Assert.Equal(TcpAnalysisFlags.KeepAliveAck, kaAck.Flags);
    }

    [Fact]
    public void ScaledWindow_SegmentReachingRightEdge_IsWindowFull()
    {
        Handshake(clientWs: 2, serverWs: 3);
        var adv = _analyzer.Analyze(_s.FromServer(A, 5001, 1001, window: 25));
        var fill = _analyzer.Analyze(_s.FromClient(PA, 1001, 5001, 200));
        Assert.Equal(200, adv.ScaledWindow);
        Assert.Equal(3, adv.WindowScale);
        Assert.Equal(TcpAnalysisFlags.WindowFull, fill.Flags);
        Assert.Equal(200, fill.BytesInFlight);
    }

    [Fact]
    public void ScaleOfferedByOneSideOnly_WindowIsNotScaled()
    {
        Handshake(clientWs: 7);
        var r = _analyzer.Analyze(_s.FromServer(A, 5001, 1001, window: 100));
        Assert.Equal(-2, r.WindowScale);
        Assert.Equal(100, r.ScaledWindow);
    }

    [Fact]
    public void Closed4Tuple_SynWithNewIsn_IsReusedPortsAndNewStream()
    {
        Handshake();
        var old = _analyzer.Analyze(_s.FromClient(A, 1001, 5001));
        var syn = _analyzer.Analyze(_s.FromClient(TcpFlags.Syn, 90000, 0));
        Assert.Equal(TcpAnalysisFlags.ReusedPorts, syn.Flags);
        Assert.Equal(old.Stream + 1, syn.Stream);
        Assert.Equal(1, _analyzer.LiveConversations);
    }

    [Fact]
    public void RetransmittedSyn_SameIsn_IsRetransmissionNotReuse()
    {
        _analyzer.Analyze(_s.FromClient(TcpFlags.Syn, 1000, 0));
        _s.Now += 1_000_000_000;
        var again = _analyzer.Analyze(_s.FromClient(TcpFlags.Syn, 1000, 0));
        Assert.Equal(TcpAnalysisFlags.Retransmission, again.Flags);
    }

    [Fact]
    public void FullTable_NewConversation_EvictsLeastRecentlyActive()
    {
        var analyzer = new TcpSequenceAnalyzer(new SequenceAnalyzerOptions { MaxConversations = 2 });
        for (ushort port = 1; port <= 5; port++)
        {
            analyzer.Analyze(_s.Make(SegmentScript.Client, port, SegmentScript.Server, 80, TcpFlags.Syn, 7, 0, 0, 1000));
        }

        Assert.Equal(2, analyzer.LiveConversations);
        Assert.Equal(2, analyzer.PeakConversations);
        Assert.Equal(3, analyzer.EvictedConversations);
        Assert.Equal(2, analyzer.LiveUnackedSegments);
    }

    [Fact]
    public void FlagNames_RoundTripEveryFlag()
    {
        Span<string> names = new string[TcpAnalysisFlagNames.Count];
        var all = (TcpAnalysisFlags)((1 << TcpAnalysisFlagNames.Count) - 1);
        Assert.Equal(TcpAnalysisFlagNames.Count, TcpAnalysisFlagNames.GetNames(all, names));
        foreach (var n in names)
        {
            Assert.True(TcpAnalysisFlagNames.TryParse("tcp.analysis." + n, out var f));
            Assert.Equal(n, TcpAnalysisFlagNames.NameOf(f));
        }

        Assert.Equal("duplicate_ack", TcpAnalysisFlagNames.NameOf(TcpAnalysisFlags.DuplicateAck));
        Assert.Null(TcpAnalysisFlagNames.NameOf(TcpAnalysisFlags.DuplicateAck | TcpAnalysisFlags.KeepAlive));
    }

    [Fact]
    public void SteadyState_DataAndAcks_AllocateNothing()
    {
        Handshake();
        var segments = new Input.TcpSegment[2000];
        for (var i = 0; i < segments.Length; i += 2)
        {
            var seq = (uint)(1001 + (i / 2 * 100));
            segments[i] = _s.FromClient(PA, seq, 5001, 100);
            segments[i + 1] = _s.FromServer(A, 5001, seq + 100);
        }

        for (var i = 0; i < 200; i++)
        {
            _analyzer.Analyze(segments[i]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 200; i < segments.Length; i++)
        {
            _analyzer.Analyze(segments[i]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
