using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SynAck.Stack;
using SynAck.Stack.Hosting;
using SynAck.Stack.Links;
using SynAck.Stack.Tcp;
using SynAck.Wire;

namespace SynAck.Benchmarks.Endpoint;

/// <summary>
/// Sets up one <see cref="EndpointPath"/> (namespace, TUN device or veth pair, the python3 peer, or a second SynAck
/// stack) and opens connections over it. Needs root for every path but the simulated one; removes what it created.
/// </summary>
internal sealed class BenchNetwork : IAsyncDisposable
{
    public const ushort SinkPort = 5001;
    public const ushort SourcePort = 5002;
    public const ushort ClosePort = 5003;

    private static readonly TcpConfig s_tcp = new() { MinRto = TimeSpan.FromMilliseconds(200), SendBufferSize = 1 << 20, ReceiveBufferSize = 1 << 20 };
    private readonly EndpointPath _path;
    private readonly string _ns = "synack-bench-" + Environment.ProcessId;
    private readonly string _veth = "sbv" + Environment.ProcessId;
    private readonly List<Task> _servers = [];
    private Process? _peer;
    private TunLink? _tun;
    private TcpHost? _host;
    private TcpHost? _serverHost;
    private IPAddress _kernel = IPAddress.Loopback;
    private IpAddr _remote;

    private BenchNetwork(EndpointPath path) => _path = path;

    public static async Task<BenchNetwork> CreateAsync(EndpointPath path, int size)
    {
        if (path != EndpointPath.SynAckSynAckSimulated && !Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("the TUN, veth and loopback comparisons need root (network namespaces, TUN devices)");
        }

        var n = new BenchNetwork(path);
        await n.SetUpAsync(size);
        return n;
    }

    /// <summary>Opens a connection to <paramref name="port"/> on the far side.</summary>
    public async Task<Stream> ConnectAsync(ushort port)
    {
        if (_host is not null)
        {
            return await _host.ConnectAsync(new TcpEndpoint(_remote, port));
        }

        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = false };
        await socket.ConnectAsync(new IPEndPoint(_kernel, port));
        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Half-closes a connection this network opened.</summary>
    public static void ShutdownWrite(Stream s)
    {
        if (s is TcpStream t)
        {
            t.ShutdownWrite();
        }
        else
        {
            ((NetworkStream)s).Socket.Shutdown(SocketShutdown.Send);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_serverHost is not null)
        {
            await _serverHost.DisposeAsync();
        }

        _tun?.Dispose();
        if (_peer is not null)
        {
            _peer.Kill(entireProcessTree: true);
            _peer.Dispose();
        }

        if (_path is EndpointPath.SynAckKernelTun or EndpointPath.KernelKernelVeth)
        {
            Shell.Try("ip", "link", "del", _veth + "a");
            Shell.Try("ip", "netns", "del", _ns);
        }
    }

    private async Task SetUpAsync(int size)
    {
        switch (_path)
        {
            case EndpointPath.SynAckKernelTun:
                Shell.Check("ip", "netns", "add", _ns);
                Shell.Check("ip", "-n", _ns, "link", "set", "lo", "up");
                _tun = TunLink.Open("sbt" + Environment.ProcessId);
                Shell.Check("ip", "link", "set", "dev", _tun.Name, "netns", _ns);
                Shell.Check("ip", "-n", _ns, "addr", "add", "10.80.0.1", "peer", "10.80.0.2", "dev", _tun.Name);
                Shell.Check("ip", "-n", _ns, "link", "set", "dev", _tun.Name, "up");
                IpAddr.TryParse("10.80.0.1", out _remote);
                IpAddr.TryParse("10.80.0.2", out var local);
                _host = new TcpHost(new TcpStackOptions { LocalAddress = local, Tcp = s_tcp }, _tun);
                StartPeer(["ip", "netns", "exec", _ns, "python3", "-c", BenchPeer.Script, "0.0.0.0", size.ToString(), SinkPort.ToString()]);
                break;
            case EndpointPath.KernelKernelVeth:
                Shell.Check("ip", "netns", "add", _ns);
                Shell.Check("ip", "-n", _ns, "link", "set", "lo", "up");
                Shell.Check("ip", "link", "add", _veth + "a", "type", "veth", "peer", "name", _veth + "b");
                Shell.Check("ip", "link", "set", "dev", _veth + "b", "netns", _ns);
                Shell.Check("ip", "addr", "add", "10.81.0.1/30", "dev", _veth + "a");
                Shell.Check("ip", "-n", _ns, "addr", "add", "10.81.0.2/30", "dev", _veth + "b");
                Shell.Check("ip", "link", "set", "dev", _veth + "a", "up");
                Shell.Check("ip", "-n", _ns, "link", "set", "dev", _veth + "b", "up");
                _kernel = IPAddress.Parse("10.81.0.2");
                StartPeer(["ip", "netns", "exec", _ns, "python3", "-c", BenchPeer.Script, "0.0.0.0", size.ToString(), SinkPort.ToString()]);
                break;
            case EndpointPath.KernelKernelLoopback:
                StartPeer(["python3", "-c", BenchPeer.Script, "127.0.0.1", size.ToString(), SinkPort.ToString()]);
                break;
            default:
                var (a, b) = SimulatedLink.CreatePair(TimeSpan.Zero, 65535);
                IpAddr.TryParse("10.82.0.1", out var addrA);
                IpAddr.TryParse("10.82.0.2", out _remote);
                var origin = TimeProvider.System.GetTimestamp();
                _host = new TcpHost(new TcpStackOptions { LocalAddress = addrA, Tcp = s_tcp }, a, clockOrigin: origin);
                _serverHost = new TcpHost(new TcpStackOptions { LocalAddress = _remote, Tcp = s_tcp }, b, clockOrigin: origin);
                await StartSimulatedServersAsync(size);
                break;
        }
    }

    private void StartPeer(string[] args)
    {
        _peer = Shell.Start(args);
        if (_peer.StandardOutput.ReadLine() != "ready")
        {
            throw new InvalidOperationException("python3 peer failed: " + _peer.StandardError.ReadToEnd());
        }
    }

    private async Task StartSimulatedServersAsync(int size)
    {
        var payload = new byte[size];
        foreach (var port in (ushort[])[SinkPort, SourcePort, ClosePort])
        {
            var listener = await _serverHost!.ListenAsync(port, 1024);
            _servers.Add(Task.Run(async () =>
            {
                var buffer = new byte[1 << 20];
                while (true)
                {
                    await using var s = await listener.AcceptAsync();
                    if (port == SinkPort)
                    {
                        while (await s.ReadAsync(buffer) > 0)
                        {
                        }
                    }
                    else if (port == SourcePort)
                    {
                        await s.WriteAsync(payload);
                    }
                }
            }));
        }
    }
}
