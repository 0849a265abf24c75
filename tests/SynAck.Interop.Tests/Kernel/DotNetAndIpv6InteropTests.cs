using System.Globalization;
using System.Security.Cryptography;
using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Stack;
using SynAck.Stack.Hosting;
using SynAck.Wire.Tcp;
using static SynAck.Interop.Tests.Dogfood.Dogfood;
using static SynAck.Interop.Tests.Kernel.InteropHarness;

namespace SynAck.Interop.Tests.Kernel;

/// <summary>HttpClient over SynAck against the kernel's python3 http.server, and IPv6 over TUN both ways.</summary>
[Collection("kernel-dotnet")]
public sealed class DotNetAndIpv6InteropTests
{
    [SkippableFact]
    public async Task HttpClient_ConnectCallbackToKernelHttpServer_DownloadsFileIntact()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        var dir = Directory.CreateTempSubdirectory("synack-http-");
        var content = RandomNumberGenerator.GetBytes(300_000);
        await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "data.bin"), content);
        try
        {
            await RunAsync(nameof(HttpClient_ConnectCallbackToKernelHttpServer_DownloadsFileIntact), async k =>
            {
                using var server = k.Start("python3", "-m", "http.server", "8000", "--bind", k.KernelAddress.ToString(), "--directory", dir.FullName);
                try
                {
                    using var handler = new SocketsHttpHandler
                    {
                        ConnectCallback = async (context, ct) => await ConnectWhenListeningAsync(k.Host, new TcpEndpoint(k.KernelAddress, (ushort)context.DnsEndPoint.Port), ct),
                    };
                    using var http = new HttpClient(handler) { Timeout = PeerTimeout };
                    var body = await http.GetByteArrayAsync(new Uri($"http://{k.KernelAddress}:8000/data.bin"));
                    Assert.Equal(SHA256.HashData(content), SHA256.HashData(body));
                    Assert.Equal(content.Length, body.Length);
                }
                finally
                {
                    server.Kill(entireProcessTree: true);
                }
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task Ipv6_KernelClientRequestToSynAckServer_GetsResponse()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(Ipv6_KernelClientRequestToSynAckServer_GetsResponse), async k =>
        {
            Assert.True(k.StackAddress.IsV6);
            await using var listener = await k.Host.ListenAsync(8086);
            var accept = listener.AcceptAsync();
            using var peer = StartPeer(k, "client", k.StackAddress.ToString(), "8086", "request", "hello6");
            await using var s = await accept.WaitAsync(PeerTimeout);
            Assert.Equal(k.KernelAddress, s.RemoteEndpoint.Address);
            Assert.Equal("hello6", await new StreamReader(s).ReadLineAsync().WaitAsync(PeerTimeout));
            await s.WriteAsync("response:hello6\n"u8.ToArray());
            s.ShutdownWrite();
            Assert.Equal("connected", await ReadLineAsync(peer));
            Assert.Equal("got response:hello6 eof", await ReadLineAsync(peer));
            Assert.Equal(TcpState.Closed, await CloseAndWaitAsync(s, TcpState.Closed));
        }, dogfood: (records, stack) =>
        {
            var conn = AssertConnection(records, stack, ConnState.SF, CloseKind.HalfClose, TcpState.TimeWait, TcpState.Closed);
            Assert.True(conn.OrigHost.IsV6);

            // RFC 6691: SynAck's SYN-ACK offers the TUN MTU minus 60 bytes of IPv6 and TCP headers.
            Assert.Equal((ushort)1440, conn.Handshake.RespMss);
        }, ipv6: true);
    }

    [SkippableFact]
    public async Task Ipv6_SynAckClientOneMegabyteEachWay_HashesMatch()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        const int size = 1 << 20;
        await RunAsync(nameof(Ipv6_SynAckClientOneMegabyteEachWay_HashesMatch), async k =>
        {
            using var peer = StartPeer(k, "server", k.KernelAddress.ToString(), "9096", "bulk", size.ToString(CultureInfo.InvariantCulture));
            Assert.Equal("ready", await ReadLineAsync(peer));
            await using var s = await k.Host.ConnectAsync(new TcpEndpoint(k.KernelAddress, 9096)).WaitAsync(PeerTimeout);
            var (sent, received, bytes) = await BulkAsync(s, size);
            Assert.Equal(size, bytes);
            Assert.Equal($"sent {received} recv {sent} {size}", await ReadLineAsync(peer));
        }, headersOnly: true, ipv6: true);
    }

    /// <summary>Connects, retrying while the server is still starting (its port answers RST until it listens).</summary>
    private static async Task<Stream> ConnectWhenListeningAsync(TcpHost host, TcpEndpoint remote, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await host.ConnectAsync(remote, ct);
            }
            catch (TcpConnectionRefusedException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }
        }
    }
}
