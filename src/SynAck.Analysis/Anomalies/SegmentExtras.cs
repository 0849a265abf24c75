using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Anomalies;

/// <summary>
/// Header facts the anomaly checks need beyond <see cref="Input.TcpSegment"/>: the urgent pointer, whether a
/// TCP Fast Open option is present (RFC 7413 §4.1.1), and the SACK blocks (RFC 2018 §3).
/// </summary>
public readonly record struct SegmentExtras
{
    public ushort UrgentPointer { get; init; }

    public bool HasFastOpen { get; init; }

    public SackBlocks Sack { get; init; }

    /// <summary>The extras of a decoded packet (default when it has no TCP header).</summary>
    public static SegmentExtras From(in DecodedPacket p)
    {
        if (p.Status != ParseStatus.Ok || !p.HasTcp)
        {
            return default;
        }

        var tcp = p.Tcp;
        var sack = default(SackBlocks);
        var tfo = false;
        if (tcp.HeaderLength > TcpHeader.MinLength)
        {
            var o = tcp.Options;
            o.TryGetSackBlocks(out sack);
            tfo = o.TryGetFastOpenCookie(out _);
        }

        return new SegmentExtras { UrgentPointer = tcp.UrgentPointer, HasFastOpen = tfo, Sack = sack };
    }
}
