using SynAck.Analysis.Records;

namespace SynAck.Analysis.Output;

/// <summary>
/// One conn.log row as <see cref="ZeekConnLogWriter"/> formats it: the values plus the uid and history as ASCII bytes
/// and the tunnel parents. Built on the stack, from a <see cref="ConnRecord"/> or straight from a tracked connection's
/// state (the records-free fast path of <c>conns --format zeek</c>, which allocates nothing per connection).
/// </summary>
internal readonly ref struct ZeekConnRow(ZeekConnValues values, ReadOnlySpan<byte> uid, ReadOnlySpan<byte> history, IReadOnlyList<TunnelParent> tunnelParents)
{
    public ZeekConnValues Values { get; } = values;

    public ReadOnlySpan<byte> Uid { get; } = uid;

    /// <summary>The history letters; empty is written as '-'.</summary>
    public ReadOnlySpan<byte> History { get; } = history;

    public IReadOnlyList<TunnelParent> TunnelParents { get; } = tunnelParents;
}
