using SynAck.Analysis.Input;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Fixtures;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Tunnels;

/// <summary>Connections inside tunnels, on Zeek's own tunnel traces: inner 4-tuple, tunnel_parents, encapsulation changes.</summary>
public class TunnelTrackingTests
{
    private static string Trace(string name)
    {
        var dir = RepoPaths.Shared("corpus", "zeek", name);
        Skip.If(dir is null || !Directory.Exists(dir), $"../shared/corpus/zeek/{name} is not present");
        return Directory.GetFiles(dir!, "trace.*").Single();
    }

    private static ConnRecord Single(CaptureRun run, ushort port) => run.Records.Single(r => r.RespPort == port || r.OrigPort == port);

    [SkippableFact]
    public void GreTrace_InnerSshConnection_TrackedWithInnerTupleAndGreParent()
    {
        var run = CaptureRun.Of(Trace("tunnel-gre"), new TrackerOptions { UidSeed = 7 });

        var ssh = Single(run, 22);
        Assert.Equal(IpAddr.Parse("66.59.111.190"), ssh.OrigHost);
        Assert.Equal(40264, ssh.OrigPort);
        Assert.Equal(IpAddr.Parse("172.28.2.3"), ssh.RespHost);
        Assert.Equal(ConnState.SF, ssh.ConnState);
        Assert.Equal("ShAdDaFf", ssh.History);
        Assert.Equal(12UL, ssh.OrigPackets);
        Assert.Equal(1584UL, ssh.OrigIpBytes);
        var parent = Assert.Single(ssh.TunnelParents);
        Assert.Equal(TunnelKind.Gre, parent.Kind);
        Assert.Equal(IpAddr.Parse("172.27.1.66"), parent.SourceHost);
        Assert.Equal(IpAddr.Parse("66.59.109.137"), parent.DestinationHost);
        Assert.Equal(0, parent.SourcePort);
        var identity = new Encapsulation
        {
            Kind = TunnelKind.Gre,
            Protocol = 47,
            Source = IpAddr.Parse("66.59.109.137"),
            Destination = IpAddr.Parse("172.27.1.66"),
        };
        Assert.Equal(TunnelUid.Create(7, identity), parent.Uid);
        Assert.NotEqual(TunnelUid.Create(8, identity), parent.Uid);
    }

    [SkippableFact]
    public void GreTrace_NoTunnels_InnerConnectionIsNotSeen()
    {
        var run = CaptureRun.Of(Trace("tunnel-gre"), decode: DecodeOptions.None);

        Assert.Empty(run.Records);
        Assert.Equal(0, run.Counters.Segments);
    }

    [SkippableFact]
    public void GtpTrace_DirectionsInDifferentTunnels_TwoParentsAndHistoryXAfterFiveChanges()
    {
        var run = CaptureRun.Of(Trace("tunnel-gtp-s3"), new TrackerOptions { Zeek = new ZeekOptions { VerifyChecksums = false } });

        var http = Single(run, 80);
        Assert.Equal(ConnState.S3, http.ConnState);
        Assert.Equal("ShADadXf", http.History);
        Assert.Equal(29UL, http.OrigPackets);
        Assert.Equal(2310UL, http.OrigIpBytes);
        Assert.Equal(49UL, http.RespPackets);
        Assert.Equal(65396UL, http.RespIpBytes);
        Assert.Equal(2, http.TunnelParents.Count);
        Assert.All(http.TunnelParents, p => Assert.Equal(TunnelKind.GtpU, p.Kind));
        Assert.Equal(5906, http.TunnelParents[0].SourcePort);
        Assert.Equal(2152, http.TunnelParents[1].SourcePort);
        Assert.NotEqual(http.TunnelParents[0].Uid, http.TunnelParents[1].Uid);
    }

    [SkippableFact]
    public void TeredoTrace_TcpOnContentDetectedTunnel_HasTeredoParent()
    {
        var run = CaptureRun.Of(Trace("tunnel-teredo"));

        var inner = run.Records.Single(r => r.OrigHost.IsV6);
        Assert.Equal(ConnState.S1, inner.ConnState);
        Assert.Equal("ShADad", inner.History);
        var parent = Assert.Single(inner.TunnelParents);
        Assert.Equal(TunnelKind.Teredo, parent.Kind);
        Assert.Equal(32900, parent.DestinationPort);
        Assert.All(run.Records.Where(r => !r.OrigHost.IsV6), r => Assert.Empty(r.TunnelParents));
    }

    [SkippableFact]
    public void VntagTrace_TcpHeaderCutBySnaplen_ConnectionWithoutPackets()
    {
        // As zeek -b: no likely server ports, so the SYN+ACK's sender stays the originator.
        var bare = new TrackerOptions { Zeek = new ZeekOptions { ServerPorts = LikelyServerPorts.Bare([]) } };
        var run = CaptureRun.Of(Trace("vntag-in-vlan"), bare);

        var r = Assert.Single(run.Records);
        Assert.Equal(IpAddr.Parse("10.10.10.1"), r.OrigHost);
        Assert.Equal(443, r.OrigPort);
        Assert.Equal(ConnState.Oth, r.ConnState);
        Assert.Equal("", r.History);
        Assert.Equal(0UL, r.OrigPackets + r.RespPackets);
        Assert.Null(r.DurationNanos);
        Assert.Equal(1740520560_001317000L, r.TimestampNanos);
        Assert.Equal(1, run.Counters.HeaderOnly);
        Assert.Equal(0, run.Counters.Segments);
    }
}
