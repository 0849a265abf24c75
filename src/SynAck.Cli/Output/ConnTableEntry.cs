using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Output;

/// <summary>
/// What <c>synack conns</c>'s table shows of one connection: the record's fields its columns use, kept instead of
/// the record while a capture's connections are collected to be numbered in the order they started (a record with
/// its handshake, flag counts and analysis objects is several times larger; the uid and history strings are shared).
/// A class: the lists that collect and sort a capture's entries then move references, not 250-byte values (as
/// structs, their growth and the sort's copies took 240 MB on real-close.pcap).
/// </summary>
public sealed record ConnTableEntry(
    long FirstFrame, string Uid, IpAddr OrigHost, ushort OrigPort, IpAddr RespHost, ushort RespPort, ConnState ConnState,
    string History, long? DurationNanos, ulong OrigPackets, ulong? OrigBytes, ulong RespPackets, ulong? RespBytes,
    TcpState OrigState, TcpState RespState, CloseKind CloseKind, ActiveCloser ActiveCloser,
    (long Orig, long Resp) Retransmissions, (long Orig, long Resp) DuplicateAcks, (long Orig, long Resp) ZeroWindows,
    (long Orig, long Resp) OutOfOrder, long? OrigRttAvgNanos, long? RespRttAvgNanos)
{
    public static ConnTableEntry From(ConnRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ConnTableEntry(
            r.FirstFrame, r.Uid, r.OrigHost, r.OrigPort, r.RespHost, r.RespPort, r.ConnState, r.History, r.DurationNanos,
            r.OrigPackets, r.OrigBytes, r.RespPackets, r.RespBytes, r.OrigState, r.RespState, r.CloseKind, r.ActiveCloser,
            (r.OrigAnalysis.Retransmissions, r.RespAnalysis.Retransmissions),
            (r.OrigAnalysis.DuplicateAcks, r.RespAnalysis.DuplicateAcks),
            (r.OrigAnalysis.ZeroWindows, r.RespAnalysis.ZeroWindows),
            (r.OrigAnalysis.OutOfOrder, r.RespAnalysis.OutOfOrder),
            r.OrigAnalysis.RttAvgNanos, r.RespAnalysis.RttAvgNanos);
    }
}
