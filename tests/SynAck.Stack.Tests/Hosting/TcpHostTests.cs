using System.Net.Sockets;
using System.Security.Cryptography;
using SynAck.Stack.Hosting;
using SynAck.Stack.Links;
using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tests.Hosting;

public sealed class TcpHostTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private TcpHost _a = null!;
    private TcpHost _b = null!;

    public Task InitializeAsync()
    {
        var (la, lb) = SimulatedLink.CreatePair(TimeSpan.FromMilliseconds(1));
        var config = new TcpConfig { MinRto = TimeSpan.FromMilliseconds(200) };
        var origin = TimeProvider.System.GetTimestamp();
        _a = new TcpHost(new TcpStackOptions { LocalAddress = StackPair.AddressA, Tcp = config }, la, clockOrigin: origin);
        _b = new TcpHost(new TcpStackOptions { LocalAddress = StackPair.AddressB, Tcp = config }, lb, clockOrigin: origin);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task TcpHost_EchoThroughStreamReader_RoundTrips()
    {
        await using var listener = await _b.ListenAsync(7);
        var accept = listener.AcceptAsync();
        await using var client = await _a.ConnectAsync(new TcpEndpoint(StackPair.AddressB, 7)).WaitAsync(s_timeout);
        await using var server = await accept.WaitAsync(s_timeout);

        var echo = Task.Run(async () =>
        {
            var buf = new byte[1024];
            int n;
            while ((n = await server.ReadAsync(buf)) > 0)
            {
                await server.WriteAsync(buf.AsMemory(0, n));
            }

            server.ShutdownWrite();
        });

        var writer = new StreamWriter(client) { AutoFlush = true };
        await writer.WriteLineAsync("hello over SynAck");
        var reader = new StreamReader(client);
        Assert.Equal("hello over SynAck", await reader.ReadLineAsync().WaitAsync(s_timeout));
        client.ShutdownWrite();
        Assert.Null(await reader.ReadLineAsync().WaitAsync(s_timeout));
        await echo.WaitAsync(s_timeout);
    }

    [Fact]
    public async Task TcpHost_OneMegabyteEachWay_HashesMatch()
    {
        await using var listener = await _b.ListenAsync(9);
        var accept = listener.AcceptAsync();
        await using var client = await _a.ConnectAsync(new TcpEndpoint(StackPair.AddressB, 9)).WaitAsync(s_timeout);
        await using var server = await accept.WaitAsync(s_timeout);
        var up = RandomNumberGenerator.GetBytes(1 << 20);
        var down = RandomNumberGenerator.GetBytes(1 << 20);

        static async Task<byte[]> SendAndReceive(TcpStream s, byte[] data)
        {
            var send = Task.Run(async () =>
            {
                await s.WriteAsync(data);
                s.ShutdownWrite();
            });
            var ms = new MemoryStream();
            await s.CopyToAsync(ms);
            await send;
            return SHA256.HashData(ms.ToArray());
        }

        var atServer = SendAndReceive(server, down);
        var atClient = SendAndReceive(client, up);
        Assert.Equal(SHA256.HashData(up), await atServer.WaitAsync(s_timeout));
        Assert.Equal(SHA256.HashData(down), await atClient.WaitAsync(s_timeout));
    }

    [Fact]
    public async Task TcpHost_ConnectToClosedPort_ThrowsConnectionRefused()
    {
        var e = await Assert.ThrowsAsync<TcpConnectionRefusedException>(() => _a.ConnectAsync(new TcpEndpoint(StackPair.AddressB, 81)).WaitAsync(s_timeout));
        Assert.Equal(SocketError.ConnectionRefused, ((SocketException)e.InnerException!).SocketErrorCode);
    }

    [Fact]
    public async Task TcpHost_PeerAborts_ReadThrowsConnectionReset()
    {
        await using var listener = await _b.ListenAsync(10);
        var accept = listener.AcceptAsync();
        await using var client = await _a.ConnectAsync(new TcpEndpoint(StackPair.AddressB, 10)).WaitAsync(s_timeout);
        var server = await accept.WaitAsync(s_timeout);
        server.Abort();
        var e = await Assert.ThrowsAsync<IOException>(() => client.ReadAsync(new byte[10]).AsTask().WaitAsync(s_timeout));
        Assert.Equal(SocketError.ConnectionReset, ((SocketException)e.InnerException!).SocketErrorCode);
    }

    [Fact]
    public async Task TcpHost_ClientClosesFirst_ServerSeesEndOfStreamAndClientReachesTimeWait()
    {
        await using var listener = await _b.ListenAsync(11);
        var accept = listener.AcceptAsync();
        var client = await _a.ConnectAsync(new TcpEndpoint(StackPair.AddressB, 11)).WaitAsync(s_timeout);
        var server = await accept.WaitAsync(s_timeout);
        client.ShutdownWrite();
        Assert.Equal(0, await server.ReadAsync(new byte[10]).AsTask().WaitAsync(s_timeout));
        Assert.Equal(TcpState.CloseWait, await server.GetStateAsync());
        await server.DisposeAsync();
        Assert.Equal(0, await client.ReadAsync(new byte[10]).AsTask().WaitAsync(s_timeout));
        Assert.Equal(TcpState.TimeWait, await client.GetStateAsync());
    }
}
