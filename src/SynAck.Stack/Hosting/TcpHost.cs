using System.Collections.Concurrent;
using SynAck.Stack.Links;
using SynAck.Stack.Tcp;

namespace SynAck.Stack.Hosting;

/// <summary>
/// Runs a <see cref="TcpStack"/> on one dedicated thread against a real clock (<see cref="TimeProvider"/>) and a
/// link, and offers the async .NET API: <see cref="ConnectAsync"/>, <see cref="ListenAsync"/> with
/// <see cref="TcpHostListener.AcceptAsync"/>, and each connection as a <see cref="Stream"/>. User calls are posted
/// to the loop thread; the stack core itself is never touched by two threads.
/// </summary>
public sealed partial class TcpHost : IAsyncDisposable
{
    private readonly TcpStack _stack;
    private readonly ILink _link;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly ConcurrentQueue<Action> _commands = new();
    private readonly List<IWaiter> _waiters = [];
    private readonly List<IWaiter> _ready = [];
    private readonly ManualResetEventSlim _signal = new(false);
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <param name="options">Stack options.</param>
    /// <param name="link">The link (TUN device, simulated or impaired).</param>
    /// <param name="isn">ISN generator; a randomly keyed RFC 6528 generator by default.</param>
    /// <param name="time">Clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="tap">Optional packet tap (pcap recording), called on the loop thread.</param>
    /// <param name="clockOrigin">
    /// The <see cref="TimeProvider.GetTimestamp"/> value that is the stack's <see cref="Instant.Zero"/>; now by default.
    /// Hosts joined by a <see cref="SimulatedLink"/> must share one, because that link stamps packets with the
    /// sender's clock and releases them by the receiver's.
    /// </param>
    public TcpHost(TcpStackOptions options, ILink link, IIsnGenerator? isn = null, TimeProvider? time = null, IPacketTap? tap = null, long? clockOrigin = null)
    {
        _link = link;
        _time = time ?? TimeProvider.System;
        _start = clockOrigin ?? _time.GetTimestamp();
        _stack = new TcpStack(options, link, isn ?? KeyedHashIsnGenerator.CreateRandom()) { Tap = tap };
        _stack.Transition += t => Transition?.Invoke(t);
        _link.SetWakeup(_signal.Set);
        _thread = new Thread(Run) { IsBackground = true, Name = "SynAck TCP stack" };
        _thread.Start();
    }

    /// <summary>Every state transition, raised on the stack thread (keep handlers short).</summary>
    public event Action<TcpTransition>? Transition;

    /// <summary>Wall-clock time (ns since the Unix epoch) of the stack's <see cref="Instant.Zero"/>.</summary>
    public static long UnixNanosNow() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;

    /// <summary>The stack's current time.</summary>
    public Instant Now => Instant.FromTimeSpan(_time.GetElapsedTime(_start));

    /// <summary>Starts listening on <paramref name="port"/>.</summary>
    public Task<TcpHostListener> ListenAsync(ushort port, int backlog = 128) =>
        InvokeAsync(() => new TcpHostListener(this, _stack.Listen(port, backlog)));

    /// <summary>Opens a connection; completes when it is established, or throws <see cref="TcpConnectionRefusedException"/> / <see cref="IOException"/>.</summary>
    public async Task<TcpStream> ConnectAsync(TcpEndpoint remote, CancellationToken cancellationToken = default)
    {
        var tcs = new TaskCompletionSource<TcpStream>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                var c = _stack.Connect(remote, Now);
                AddWaiter(new ConnectWaiter(this, c, tcs));
            }
            catch (InvalidOperationException e)
            {
                tcs.TrySetException(e);
            }
        });
        using var reg = cancellationToken.Register(() => tcs.TrySetCanceled(cancellationToken));
        return await tcs.Task.ConfigureAwait(false);
    }

    /// <summary>Stack counters, read on the loop thread.</summary>
    public Task<TcpStackCounters> GetCountersAsync() => InvokeAsync(() => _stack.Counters);

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _signal.Set();
        await Task.Run(_thread.Join).ConfigureAwait(false);
        _link.SetWakeup(null);
        _signal.Dispose();
    }

    /// <summary>Runs <paramref name="f"/> on the stack thread.</summary>
    internal Task<T> InvokeAsync<T>(Func<T> f)
    {
        var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                tcs.TrySetResult(f());
            }
            catch (InvalidOperationException e)
            {
                tcs.TrySetException(e);
            }
        });
        return tcs.Task;
    }

    /// <summary>Queues <paramref name="action"/> for the stack thread.</summary>
    internal void Post(Action action)
    {
        _commands.Enqueue(action);
        _signal.Set();
    }

    /// <summary>Registers a waiter (stack thread only); it is tried now and after every poll until it completes.</summary>
    internal void AddWaiter(IWaiter w)
    {
        if (!w.TryComplete(Now))
        {
            _waiters.Add(w);
        }
    }

    private void Run()
    {
        while (!_stopping)
        {
            _signal.Reset();
            while (_commands.TryDequeue(out var command))
            {
                command();
            }

            var now = Now;
            _stack.Poll(now);
            ServiceWaiters(now);
            if (!_commands.IsEmpty)
            {
                continue;
            }

            var at = _stack.PollAt;
            if (at <= now)
            {
                continue;
            }

            var wait = at.IsNever ? Timeout.InfiniteTimeSpan : (at - now) + TimeSpan.FromMilliseconds(1);
            if (wait > TimeSpan.FromSeconds(1))
            {
                wait = TimeSpan.FromSeconds(1);
            }

            _signal.Wait(wait == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(1) : wait);
        }
    }

    private void ServiceWaiters(Instant now)
    {
        // A waiter that completes may let others complete (a read frees window, a write fills the buffer), so
        // loop until a pass completes none.
        bool progress;
        do
        {
            progress = false;
            _ready.Clear();
            foreach (var w in _waiters)
            {
                if (w.TryComplete(now))
                {
                    _ready.Add(w);
                }
            }

            foreach (var w in _ready)
            {
                _waiters.Remove(w);
                progress = true;
            }

            if (progress)
            {
                _stack.Poll(now);
            }
        }
        while (progress && _waiters.Count > 0);
    }
}
