using SynAck.Analysis.Findings;
using SynAck.Analysis.Tests.Anomalies.Support;
using SynAck.Wire.Tcp;
using static SynAck.Analysis.Tests.Anomalies.Support.Hosts;

namespace SynAck.Analysis.Tests.Anomalies;

/// <summary>Each connection finding, triggered by a crafted conversation (client ISN 1000, server ISN 5000).</summary>
public sealed class ConnectionFindingTests
{
    private const TcpFlags A = TcpFlags.Ack;
    private readonly CraftedCapture _cap = new();

    private long C(TcpFlags f, uint seq, uint ack, int len = 0) => _cap.Add(Client, ClientPort, Server, ServerPort, f, seq, ack, len);

    private long S(TcpFlags f, uint seq, uint ack, int len = 0) => _cap.Add(Server, ServerPort, Client, ClientPort, f, seq, ack, len);

    private void Handshake()
    {
        C(TcpFlags.Syn, 1000, 0);
        S(TcpFlags.Syn | A, 5000, 1001);
        C(A, 1001, 5001);
    }

    private List<Finding> Run()
    {
        using (_cap)
        {
            return AnomalyRun.Crafted(_cap);
        }
    }

    [Fact]
    public void Handshake_Normal_RaisesNothing()
    {
        Handshake();
        C(TcpFlags.Psh | A, 1001, 5001, 100);
        S(A, 5001, 1101);
        Assert.Empty(Run());
    }

    [Fact]
    public void SynAck_AckNotIsnPlusOne_RaisesSaHs001WithExpectedValue()
    {
        C(TcpFlags.Syn, 1000, 0);
        var frame = S(TcpFlags.Syn | A, 5000, 1005);
        var f = Assert.Single(Run());
        Assert.Equal(("SA-HS-001", frame), (f.Id, f.FirstFrame));
        Assert.Equal("SYN-ACK acknowledges 1005, expected ISN+1 = 1001", f.Detail);
        Assert.Equal(Server, f.Source);
    }

    [Fact]
    public void ThirdAck_AckNotIsnPlusOne_RaisesSaHs001()
    {
        C(TcpFlags.Syn, 1000, 0);
        S(TcpFlags.Syn | A, 5000, 1001);
        C(A, 1001, 4000);
        var f = Assert.Single(Run());
        Assert.Equal("third ACK acknowledges 4000, expected ISN+1 = 5001", f.Detail);
    }

    [Fact]
    public void Established_InWindowSyn_RaisesSaHs002()
    {
        Handshake();
        var frame = C(TcpFlags.Syn, 1001, 0);
        var f = Assert.Single(Run());
        Assert.Equal(("SA-HS-002", frame), (f.Id, f.FirstFrame));
    }

    [Fact]
    public void Established_OutOfWindowSyn_RaisesSaHs003()
    {
        Handshake();
        C(TcpFlags.Syn, 900_000_000, 0);
        Assert.Equal("SA-HS-003", Assert.Single(Run()).Id);
    }

    [Fact]
    public void Established_FinWithoutAck_RaisesSaFlag003()
    {
        Handshake();
        C(TcpFlags.Fin, 1001, 0);
        Assert.Equal("SA-FLAG-003", Assert.Single(Run()).Id);
    }

    [Fact]
    public void HalfClosed_RstFromPeer_RaisesSaRst001()
    {
        Handshake();
        S(TcpFlags.Fin | A, 5001, 1001);
        C(TcpFlags.Rst | A, 1001, 5002);
        Assert.Equal("SA-RST-001", Assert.Single(Run()).Id);
    }

    [Fact]
    public void Reset_PeerSendsDataAfterwards_RaisesSaRst002()
    {
        Handshake();
        var rst = C(TcpFlags.Rst | A, 1001, 5001);
        var data = S(TcpFlags.Psh | A, 5001, 1001, 50);
        var f = Assert.Single(Run());
        Assert.Equal(("SA-RST-002", data), (f.Id, f.FirstFrame));
        Assert.Equal($"RST in frame {rst}", f.Detail);
    }

    [Fact]
    public void Established_RstFarOutsideWindow_RaisesSaRst003()
    {
        Handshake();
        C(TcpFlags.Rst, 1001 + 1_000_000, 0);
        var f = Assert.Single(Run());
        Assert.Equal("SA-RST-003", f.Id);
        Assert.Equal("seq 1001001, receiver RCV.NXT 1001, RCV.WND 64240", f.Detail);
    }

    [Fact]
    public void InWindowRst_SenderKeepsSending_RaisesSaRst004()
    {
        Handshake();
        S(TcpFlags.Rst, 5001, 0);
        var after = S(TcpFlags.Psh | A, 5001, 1001, 100);
        var f = Assert.Single(Run());
        Assert.Equal(("SA-RST-004", FindingSeverity.High, after), (f.Id, f.Severity, f.FirstFrame));
    }

    [Fact]
    public void BothFinsAcked_Rst_RaisesSaRst005()
    {
        Handshake();
        C(TcpFlags.Fin | A, 1001, 5001);
        S(A, 5001, 1002);
        S(TcpFlags.Fin | A, 5001, 1002);
        C(A, 1002, 5002);
        S(TcpFlags.Rst, 5002, 0);
        Assert.Equal("SA-RST-005", Assert.Single(Run()).Id);
    }

    [Fact]
    public void ClosedConnection_NewSynNewIsn_IsNotSynOnEstablished()
    {
        Handshake();
        C(TcpFlags.Fin | A, 1001, 5001);
        S(TcpFlags.Fin | A, 5001, 1002);
        C(A, 1002, 5002);
        C(TcpFlags.Syn, 77_000, 0);
        S(TcpFlags.Syn | A, 99_000, 77_001);
        C(A, 77_001, 99_001);
        Assert.Empty(Run());
    }
}
