using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Stack;
using SynAck.Stack.Links;
using static SynAck.Interop.Tests.Kernel.InteropHarness;

namespace SynAck.Interop.Tests.Kernel;

/// <summary>10 MB each way between SynAck and the kernel over TUN, clean and impaired (its own collection, so it runs beside the others).</summary>
[Collection("kernel-bulk")]
public sealed class KernelBulkInteropTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    [SkippableFact]
    public async Task KernelClient_TenMegabytesEachWay_HashesMatch()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(KernelClient_TenMegabytesEachWay_HashesMatch), k => KernelClientBulkAsync(k, 8081), headersOnly: true, dogfood: AssertBulkRecord);
    }

    [SkippableFact]
    public async Task SynAckClient_TenMegabytesEachWay_HashesMatch()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(SynAckClient_TenMegabytesEachWay_HashesMatch), async k =>
        {
            using var peer = StartPeer(k, "server", k.KernelAddress.ToString(), "9091", "bulk", TenMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("ready", await ReadLineAsync(peer));
            await using var s = await k.Host.ConnectAsync(new TcpEndpoint(k.KernelAddress, 9091)).WaitAsync(PeerTimeout);
            var (sent, received, bytes) = await BulkAsync(s, TenMegabytes);
            Assert.Equal(TenMegabytes, bytes);
            Assert.Equal($"sent {received} recv {sent} {TenMegabytes}", await ReadLineAsync(peer));
        }, headersOnly: true, dogfood: AssertBulkRecord);
    }

    [SkippableFact]
    public async Task KernelClient_TenMegabytesUnderFivePercentLoss_HashesMatch()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(KernelClient_TenMegabytesUnderFivePercentLoss_HashesMatch), async k =>
        {
            await k.AddRandomLossAsync(5);
            await KernelClientBulkAsync(k, 8082);
        }, headersOnly: true);
    }

    [SkippableFact]
    public async Task KernelClient_TenMegabytesUnderReorderingAndDuplication_HashesMatch()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        var impairment = new ImpairmentOptions
        {
            Seed = 17,
            Reorder = 0.05,
            ReorderDelay = TimeSpan.FromMilliseconds(2),
            Duplicate = 0.03,
            Directions = ImpairmentDirections.Both,
        };
        await RunAsync(
            nameof(KernelClient_TenMegabytesUnderReorderingAndDuplication_HashesMatch),
            async k =>
            {
                await KernelClientBulkAsync(k, 8083);
                Assert.True(k.Impaired!.Reordered > 0 && k.Impaired.Duplicated > 0);
            },
            impairment,
            headersOnly: true);
    }

    private static void AssertBulkRecord(IReadOnlyList<ConnRecord> records, IReadOnlyList<Stack.Tcp.TcpConnection> stack)
    {
        // Both sides send, then half-close while the other is still sending: a half-close on both sides.
        var conn = Assert.Single(records);
        Assert.Equal(ConnState.SF, conn.ConnState);
        Assert.True(conn.Handshake.Valid);
        var c = Assert.Single(stack);
        Assert.Equal(c.IsPassive ? c.Iss.Value : c.Irs.Value, conn.Handshake.RespIsn);
        Assert.Equal(((ulong)TenMegabytes, (ulong)TenMegabytes), (conn.OrigBytes!.Value, conn.RespBytes!.Value));
    }

    private static async Task KernelClientBulkAsync(KernelNamespace k, ushort port)
    {
        await using var listener = await k.Host.ListenAsync(port);
        var accept = listener.AcceptAsync();
        using var peer = StartPeer(k, "client", k.StackAddress.ToString(), port.ToString(System.Globalization.CultureInfo.InvariantCulture), "bulk", TenMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var s = await accept.WaitAsync(PeerTimeout);
        Assert.Equal("connected", await ReadLineAsync(peer));
        var (sent, received, bytes) = await BulkAsync(s, TenMegabytes);
        Assert.Equal(TenMegabytes, bytes);
        Assert.Equal($"sent {received} recv {sent} {TenMegabytes}", await ReadLineAsync(peer));
    }
}
