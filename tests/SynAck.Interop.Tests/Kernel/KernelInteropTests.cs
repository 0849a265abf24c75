using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Stack;
using SynAck.Stack.Hosting;
using SynAck.Stack.Links;
using SynAck.Wire.Tcp;
using static SynAck.Interop.Tests.Dogfood.Dogfood;
using static SynAck.Interop.Tests.Kernel.InteropHarness;

namespace SynAck.Interop.Tests.Kernel;

/// <summary>SynAck against the Linux kernel over a TUN device in a test-owned network namespace.</summary>
[Collection("kernel")]
public sealed class KernelInteropTests
{
    [SkippableFact]
    public async Task KernelClient_RequestToSynAckServer_GetsResponse()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(KernelClient_RequestToSynAckServer_GetsResponse), async k =>
        {
            await using var listener = await k.Host.ListenAsync(8080);
            var accept = listener.AcceptAsync();
            using var peer = StartPeer(k, "client", k.StackAddress.ToString(), "8080", "request", "hello");
            await using var s = await accept.WaitAsync(PeerTimeout);
            var line = await new StreamReader(s).ReadLineAsync().WaitAsync(PeerTimeout);
            Assert.Equal("hello", line);
            await s.WriteAsync("response:hello\n"u8.ToArray());
            s.ShutdownWrite();
            Assert.Equal("connected", await ReadLineAsync(peer));
            Assert.Equal("got response:hello eof", await ReadLineAsync(peer));
            Assert.Equal(TcpState.Closed, await CloseAndWaitAsync(s, TcpState.Closed));
        }, dogfood: (records, stack) => AssertConnection(records, stack, ConnState.SF, CloseKind.HalfClose, TcpState.TimeWait, TcpState.Closed));
    }

    [SkippableFact]
    public async Task SynAckClient_RequestToKernelServer_GetsResponse()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(SynAckClient_RequestToKernelServer_GetsResponse), async k =>
        {
            using var peer = StartPeer(k, "server", k.KernelAddress.ToString(), "9090", "request");
            Assert.Equal("ready", await ReadLineAsync(peer));
            await using var s = await k.Host.ConnectAsync(new TcpEndpoint(k.KernelAddress, 9090)).WaitAsync(PeerTimeout);
            await s.WriteAsync("ping\n"u8.ToArray());
            var reader = new StreamReader(s);
            Assert.Equal("response:ping", await reader.ReadLineAsync().WaitAsync(PeerTimeout));
            Assert.Null(await reader.ReadLineAsync().WaitAsync(PeerTimeout));
            Assert.Equal("served ping", await ReadLineAsync(peer));
            Assert.Equal(TcpState.Closed, await CloseAndWaitAsync(s, TcpState.Closed));
        }, dogfood: (records, stack) => AssertConnection(records, stack, ConnState.SF, CloseKind.FourWay, TcpState.Closed, TcpState.TimeWait));
    }

    [SkippableFact]
    public async Task SynAckClosesFirst_KernelInCloseWait_SynAckEndsInTimeWait()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(SynAckClosesFirst_KernelInCloseWait_SynAckEndsInTimeWait), async k =>
        {
            using var peer = StartPeer(k, "server", k.KernelAddress.ToString(), "9092", "hold");
            Assert.Equal("ready", await ReadLineAsync(peer));
            await using var s = await k.Host.ConnectAsync(new TcpEndpoint(k.KernelAddress, 9092)).WaitAsync(PeerTimeout);
            s.ShutdownWrite();
            Assert.Equal("eof", await ReadLineAsync(peer));
            Assert.Contains("CLOSE-WAIT", await WaitForKernelStateAsync(k, 9092, "CLOSE-WAIT"));
            Assert.Equal(TcpState.FinWait2, await s.GetStateAsync());
            await peer.StandardInput.WriteLineAsync();
            await peer.StandardInput.FlushAsync();
            Assert.Equal("closed", await ReadLineAsync(peer));
            Assert.Equal(0, await s.ReadAsync(new byte[16]).AsTask().WaitAsync(PeerTimeout));
            Assert.Equal(TcpState.TimeWait, await s.GetStateAsync());
            peer.StandardInput.Close();
        }, dogfood: (records, stack) => Assert.Equal(ActiveCloser.Orig, AssertConnection(records, stack, ConnState.SF, CloseKind.FourWay, TcpState.TimeWait, TcpState.Closed).ActiveCloser));
    }

    [SkippableFact]
    public async Task KernelClosesFirst_SynAckInCloseWait_KernelEndsInTimeWait()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(KernelClosesFirst_SynAckInCloseWait_KernelEndsInTimeWait), async k =>
        {
            await using var listener = await k.Host.ListenAsync(8084);
            var accept = listener.AcceptAsync();
            using var peer = StartPeer(k, "client", k.StackAddress.ToString(), "8084", "hold", "close-first");
            var s = await accept.WaitAsync(PeerTimeout);
            Assert.Equal("connected", await ReadLineAsync(peer));
            await peer.StandardInput.WriteLineAsync();
            await peer.StandardInput.FlushAsync();
            Assert.Equal("closed", await ReadLineAsync(peer));
            Assert.Equal(0, await s.ReadAsync(new byte[16]).AsTask().WaitAsync(PeerTimeout));
            Assert.Equal(TcpState.CloseWait, await s.GetStateAsync());
            Assert.Contains("FIN-WAIT-2", await WaitForKernelStateAsync(k, 8084, "FIN-WAIT-2"));
            await s.DisposeAsync();
            Assert.Contains("TIME-WAIT", await WaitForKernelStateAsync(k, 8084, "TIME-WAIT"));
            peer.StandardInput.Close();
        }, dogfood: (records, stack) => Assert.Equal(ActiveCloser.Orig, AssertConnection(records, stack, ConnState.SF, CloseKind.FourWay, TcpState.TimeWait, TcpState.Closed).ActiveCloser));
    }

    [SkippableFact]
    public async Task KernelClient_ToClosedSynAckPort_IsRefused()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(KernelClient_ToClosedSynAckPort_IsRefused), async k =>
        {
            using var peer = StartPeer(k, "client", k.StackAddress.ToString(), "8099", "request", "x");
            Assert.Equal("refused", await ReadLineAsync(peer));
        }, dogfood: (records, stack) =>
        {
            // The stack's closed-port RST (RFC 9293 §3.10.7.1) creates no connection on SynAck's side.
            Assert.Empty(stack);
            var conn = Assert.Single(records);
            Assert.Equal((ConnState.Rej, CloseKind.Refused, (ushort)8099), (conn.ConnState, conn.CloseKind, conn.RespPort));
        });
    }

    [SkippableFact]
    public async Task SynAckClient_ToClosedKernelPort_ThrowsConnectionRefused()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(SynAckClient_ToClosedKernelPort_ThrowsConnectionRefused), async k =>
        {
            var e = await Assert.ThrowsAsync<TcpConnectionRefusedException>(() => k.Host.ConnectAsync(new TcpEndpoint(k.KernelAddress, 9099)).WaitAsync(PeerTimeout));
            Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, e.SocketErrorCode);
        }, dogfood: (records, stack) => AssertConnection(records, stack, ConnState.Rej, CloseKind.Refused, TcpState.Closed, TcpState.Closed));
    }

    [SkippableFact]
    public async Task SynAckAborts_KernelSocketReset_AnalyzerSeesOriginatorReset()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(SynAckAborts_KernelSocketReset_AnalyzerSeesOriginatorReset), async k =>
        {
            using var peer = StartPeer(k, "server", k.KernelAddress.ToString(), "9093", "hold");
            Assert.Equal("ready", await ReadLineAsync(peer));
            var s = await k.Host.ConnectAsync(new TcpEndpoint(k.KernelAddress, 9093)).WaitAsync(PeerTimeout);
            Assert.Contains("ESTAB", await WaitForKernelStateAsync(k, 9093, "ESTAB"));
            s.Abort();
            Assert.Equal("reset", await ReadLineAsync(peer));
            Assert.Equal(TcpState.Closed, await s.GetStateAsync());
        }, dogfood: (records, stack) => AssertConnection(records, stack, ConnState.Rsto, CloseKind.ResetByOriginator, TcpState.Closed, TcpState.Closed));
    }

    [SkippableFact]
    public async Task KernelServerAborts_SynAckReadThrowsReset_AnalyzerSeesResponderReset()
    {
        Skip.If(KernelNamespace.Unavailable() is not null, KernelNamespace.Unavailable());
        await RunAsync(nameof(KernelServerAborts_SynAckReadThrowsReset_AnalyzerSeesResponderReset), async k =>
        {
            using var peer = StartPeer(k, "server", k.KernelAddress.ToString(), "9094", "abort");
            Assert.Equal("ready", await ReadLineAsync(peer));
            await using var s = await k.Host.ConnectAsync(new TcpEndpoint(k.KernelAddress, 9094)).WaitAsync(PeerTimeout);
            Assert.Equal("aborted", await ReadLineAsync(peer));
            var e = await Assert.ThrowsAsync<IOException>(() => s.ReadAsync(new byte[16]).AsTask().WaitAsync(PeerTimeout));
            Assert.Equal(System.Net.Sockets.SocketError.ConnectionReset, Assert.IsType<System.Net.Sockets.SocketException>(e.InnerException).SocketErrorCode);
        }, dogfood: (records, stack) => AssertConnection(records, stack, ConnState.Rstr, CloseKind.ResetByResponder, TcpState.Closed, TcpState.Closed));
    }
}
