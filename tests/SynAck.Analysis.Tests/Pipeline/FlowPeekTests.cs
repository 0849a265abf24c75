using SynAck.Analysis.Input;
using SynAck.Analysis.Pipeline;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Pipeline;

/// <summary>
/// A thread of a per-thread-reading run passes over packets by the hash read from their bytes: for every packet the
/// decoder takes as a segment, that hash must be the decoded 4-tuple's, or two threads would disagree on who owns it.
/// </summary>
public class FlowPeekTests
{
    [SkippableFact]
    public void FlowPeek_EveryCorpusSegment_HashIsTheDecodedOnes()
    {
        var captures = PipelineFiles.AllTestCaptures();
        Skip.If(captures is null, "../shared/corpus/zeek is not present");
        long peeked = 0;
        long segments = 0;
        PipelineFiles.EveryDecodedPacket(captures!, (string path, in CapturedPacket packet, in DecodedPacket decoded) =>
        {
            var tracked = TcpSegmentFactory.IsTracked(decoded);
            segments += tracked ? 1 : 0;
            if (FlowPeek.TryHash(packet.LinkType, packet.Data, out var hash) && tracked)
            {
                peeked++;
                Assert.True(ConnPipeline.HashOf(decoded) == hash, $"{path} packet {packet.FrameNumber}: peeked hash differs");
            }
        });

        // Most segments of these traces are plain Ethernet/IPv4/TCP: the peek is exercised, not skipped.
        Assert.True(peeked > segments / 2, $"{peeked} of {segments} segments peeked");
    }

    [Fact]
    public void FlowPeek_NotPlainEthernetIpv4Tcp_LeftToTheDecoder()
    {
        var plain = Frame();
        Assert.True(FlowPeek.TryHash(LinkType.Ethernet, plain, out _));

        var vlan = Frame();
        vlan[12] = 0x81;
        vlan[13] = 0x00;
        Assert.False(FlowPeek.TryHash(LinkType.Ethernet, vlan, out _));

        var options = Frame();
        options[14] = 0x46;
        Assert.False(FlowPeek.TryHash(LinkType.Ethernet, options, out _));

        var udp = Frame();
        udp[14 + 9] = 17;
        Assert.False(FlowPeek.TryHash(LinkType.Ethernet, udp, out _));

        var fragment = Frame();
        fragment[14 + 6] = 0x20;
        Assert.False(FlowPeek.TryHash(LinkType.Ethernet, fragment, out _));

        var laterFragment = Frame();
        laterFragment[14 + 7] = 1;
        Assert.False(FlowPeek.TryHash(LinkType.Ethernet, laterFragment, out _));

        Assert.False(FlowPeek.TryHash(LinkType.Raw, plain.AsSpan(14), out _));
        Assert.False(FlowPeek.TryHash(LinkType.Ethernet, plain.AsSpan(0, 37), out _));
    }

    /// <summary>Ethernet, IPv4 (20 bytes, TCP), the first 20 bytes of a TCP header.</summary>
    private static byte[] Frame()
    {
        var f = new byte[14 + 20 + 20];
        f[12] = 0x08;
        f[14] = 0x45;
        f[14 + 9] = 6;
        f[14 + 12] = 10;
        f[14 + 15] = 1;
        f[14 + 16] = 10;
        f[14 + 19] = 2;
        f[34] = 0x1F;
        f[35] = 0x90;
        f[36] = 0xC0;
        f[37] = 0x01;
        f[34 + 12] = 0x50;
        return f;
    }
}
