using SynAck.Analysis.Findings;
using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Wire.Tcp;
using static SynAck.Analysis.Tests.Anomalies.Support.Hosts;

namespace SynAck.Analysis.Tests.Anomalies;

/// <summary>Each header finding, triggered by a crafted capture holding exactly the offending packet.</summary>
public sealed class FlagFindingTests
{
    private static List<Finding> One(TcpFlags flags, uint ack = 0, int payload = 0, ushort urgent = 0)
    {
        using var cap = new CraftedCapture();
        cap.Add(Client, ClientPort, Server, ServerPort, flags, 1000, ack, payload, urgent: urgent);
        return AnomalyRun.Crafted(cap);
    }

    private static string[] Ids(List<Finding> findings) => findings.Select(f => f.Id).ToArray();

    [Fact]
    public void SynFin_OneSegment_RaisesSaFlag001()
    {
        var f = Assert.Single(One(TcpFlags.Syn | TcpFlags.Fin));
        Assert.Equal(("SA-FLAG-001", FindingSeverity.High, 1L, 1L), (f.Id, f.Severity, f.Count, f.FirstFrame));
        Assert.Equal(Client, f.Source);
        Assert.Equal(Server, f.Destination);
    }

    [Fact]
    public void SynRst_OneSegment_RaisesSaFlag002() =>
        Assert.Equal(["SA-FLAG-002"], Ids(One(TcpFlags.Syn | TcpFlags.Rst)));

    [Fact]
    public void NoFlags_OneSegment_RaisesSaFlag004() =>
        Assert.Equal(["SA-FLAG-004"], Ids(One(TcpFlags.None)));

    [Fact]
    public void FinPshUrg_WithUrgentPointer_RaisesSaFlag005Only() =>
        Assert.Equal(["SA-FLAG-005"], Ids(One(TcpFlags.Fin | TcpFlags.Psh | TcpFlags.Urg, urgent: 5)));

    [Fact]
    public void FinPshUrg_ZeroUrgentPointer_RaisesSaFlag005And006() =>
        Assert.Equal(["SA-FLAG-005", "SA-FLAG-006"], Ids(One(TcpFlags.Fin | TcpFlags.Psh | TcpFlags.Urg)));

    [Fact]
    public void UrgAckWithData_ZeroUrgentPointer_RaisesSaFlag006() =>
        Assert.Equal(["SA-FLAG-006"], Ids(One(TcpFlags.Urg | TcpFlags.Ack, ack: 1, payload: 10)));

    [Fact]
    public void PshAck_NoData_RaisesSaFlag007() =>
        Assert.Equal(["SA-FLAG-007"], Ids(One(TcpFlags.Psh | TcpFlags.Ack, ack: 1)));

    [Fact]
    public void Syn_WithDataNoFastOpen_RaisesSaFlag008()
    {
        var f = Assert.Single(One(TcpFlags.Syn, payload: 32));
        Assert.Equal("SA-FLAG-008", f.Id);
    }

    [Fact]
    public void Syn_AckFieldSetWithoutAckFlag_RaisesSaFlag009() =>
        Assert.Equal(["SA-FLAG-009"], Ids(One(TcpFlags.Syn, ack: 12345)));

    [Fact]
    public void ManyNullPackets_SameEndpoints_AggregateIntoOneFinding()
    {
        using var cap = new CraftedCapture();
        for (var i = 0; i < 7; i++)
        {
            cap.Add(Client, (ushort)(ClientPort + i), Server, ServerPort, TcpFlags.None, 1000, 0);
        }

        var f = Assert.Single(AnomalyRun.Crafted(cap));
        Assert.Equal(("SA-FLAG-004", 7L, 1L, 7L), (f.Id, f.Count, f.FirstFrame, f.LastFrame));
        Assert.Equal([1L, 2, 3, 4, 5], f.ExampleFrames);
        Assert.Null(f.SourcePort);
    }
}
