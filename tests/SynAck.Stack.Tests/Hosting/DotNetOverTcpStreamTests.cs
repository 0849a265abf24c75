using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SynAck.Stack.Hosting;
using SynAck.Stack.Links;
using SynAck.Stack.Tcp;
using SynAck.Stack.Tests.Fixtures;
using SynAck.Wire;

namespace SynAck.Stack.Tests.Hosting;

/// <summary>.NET's own protocol stacks (HttpClient, SslStream) running over <see cref="TcpStream"/> on the simulated link.</summary>
public sealed class DotNetOverTcpStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private TcpHost _a = null!;
    private TcpHost _b = null!;

    public Task InitializeAsync()
    {
        (_a, _b) = CreatePair(StackPair.AddressA, StackPair.AddressB);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task HttpClient_ConnectCallbackReturnsTcpStream_GetsSynAckServersResponse()
    {
        await using var listener = await _b.ListenAsync(80);
        var server = ServeHttpOnceAsync(listener, "hello over SynAck");
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) => await _a.ConnectAsync(new TcpEndpoint(StackPair.AddressB, (ushort)context.DnsEndPoint.Port), ct),
        };
        using var http = new HttpClient(handler);
        using var response = await http.GetAsync(new Uri($"http://{StackPair.AddressB}/greeting")).WaitAsync(s_timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello over SynAck", await response.Content.ReadAsStringAsync());
        Assert.Equal($"GET /greeting HTTP/1.1\r\nHost: {StackPair.AddressB}", await server.WaitAsync(s_timeout));
    }

    [Fact]
    public async Task SslStream_SelfSignedCertificate_HandshakesAndEchoesEncrypted()
    {
        using var certificate = SelfSigned();
        await using var listener = await _b.ListenAsync(443);
        var accept = listener.AcceptAsync();
        await using var clientTcp = await _a.ConnectAsync(new TcpEndpoint(StackPair.AddressB, 443)).WaitAsync(s_timeout);
        await using var serverTcp = await accept.WaitAsync(s_timeout);
        await using var serverTls = new SslStream(serverTcp);
        await using var clientTls = new SslStream(clientTcp, false, (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString());
        await Task.WhenAll(
            serverTls.AuthenticateAsServerAsync(certificate),
            clientTls.AuthenticateAsClientAsync("synack.test")).WaitAsync(s_timeout);

        var echo = Task.Run(async () =>
        {
            var line = await new StreamReader(serverTls).ReadLineAsync();
            await serverTls.WriteAsync(Encoding.ASCII.GetBytes($"echo: {line}\n"));
        });
        await clientTls.WriteAsync("secret over SynAck\n"u8.ToArray());
        Assert.Equal("echo: secret over SynAck", await new StreamReader(clientTls).ReadLineAsync().WaitAsync(s_timeout));
        await echo.WaitAsync(s_timeout);
        Assert.True(clientTls.IsEncrypted && clientTls.IsAuthenticated && serverTls.IsEncrypted);
    }

    [Fact]
    public async Task TcpHost_Ipv6PairHalfMegabyteEachWay_HashesMatch()
    {
        IpAddr.TryParse("fd00:5ac::1", out var a6);
        IpAddr.TryParse("fd00:5ac::2", out var b6);
        var (a, b) = CreatePair(a6, b6);
        await using (a)
        await using (b)
        {
            await using var listener = await b.ListenAsync(7);
            var accept = listener.AcceptAsync();
            await using var client = await a.ConnectAsync(new TcpEndpoint(b6, 7)).WaitAsync(s_timeout);
            await using var server = await accept.WaitAsync(s_timeout);
            Assert.Equal("[fd00:5ac::2]:7", client.RemoteEndpoint.ToString());
            Assert.Equal(a6, server.RemoteEndpoint.Address);
            var up = RandomNumberGenerator.GetBytes(512 * 1024);
            var down = RandomNumberGenerator.GetBytes(512 * 1024);
            var results = await Task.WhenAll(SendAndReceiveAsync(client, up), SendAndReceiveAsync(server, down)).WaitAsync(s_timeout);
            Assert.Equal(SHA256.HashData(down), SHA256.HashData(results[0]));
            Assert.Equal(SHA256.HashData(up), SHA256.HashData(results[1]));
        }
    }

    /// <summary>Sends <paramref name="data"/> and half-closes while reading everything the peer sends.</summary>
    private static async Task<byte[]> SendAndReceiveAsync(TcpStream s, byte[] data)
    {
        var send = Task.Run(async () =>
        {
            await s.WriteAsync(data);
            s.ShutdownWrite();
        });
        var received = new MemoryStream();
        await s.CopyToAsync(received);
        await send;
        return received.ToArray();
    }

    private static (TcpHost A, TcpHost B) CreatePair(IpAddr a, IpAddr b)
    {
        var (la, lb) = SimulatedLink.CreatePair(TimeSpan.FromMilliseconds(1));
        var config = new TcpConfig { MinRto = TimeSpan.FromMilliseconds(200) };
        var origin = TimeProvider.System.GetTimestamp();
        return (
            new TcpHost(new TcpStackOptions { LocalAddress = a, Tcp = config }, la, clockOrigin: origin),
            new TcpHost(new TcpStackOptions { LocalAddress = b, Tcp = config }, lb, clockOrigin: origin));
    }

    /// <summary>Accepts one connection, reads the request head, answers 200 with <paramref name="body"/> and closes; returns the first two request lines.</summary>
    private static async Task<string> ServeHttpOnceAsync(TcpHostListener listener, string body)
    {
        await using var s = await listener.AcceptAsync();
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await s.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        var bytes = Encoding.ASCII.GetBytes(body);
        await s.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"));
        await s.WriteAsync(bytes);
        var lines = head.ToString().Split("\r\n");
        return lines[0] + "\r\n" + lines[1];
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=synack.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("synack.test");
        request.CertificateExtensions.Add(san.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // A PKCS#12 round trip gives the server certificate a persisted private key, which SslStream needs on Linux.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
