using SynAck.Analysis.Zeek;
using SynAck.Wire;

namespace SynAck.Analysis.Output;

/// <summary>
/// The conn.log values of one connection that are numbers, addresses or codes (everything but the uid, the history
/// text and the tunnel parents): computed once from a tracked connection's state (ConnRecordBuilder) and shared by
/// the <see cref="Records.ConnRecord"/> and the Zeek row written straight from that state.
/// </summary>
internal readonly record struct ZeekConnValues(
    long TimestampNanos,
    IpAddr OrigHost,
    ushort OrigPort,
    IpAddr RespHost,
    ushort RespPort,
    long? DurationNanos,
    ulong? OrigBytes,
    ulong? RespBytes,
    ConnState ConnState,
    ulong MissedBytes,
    ulong OrigPackets,
    ulong OrigIpBytes,
    ulong RespPackets,
    ulong RespIpBytes,
    byte IpProto);
