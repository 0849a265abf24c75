using SynAck.Cli.Commands.Listen;
using SynAck.Stack;

namespace SynAck.Cli.Commands.Demo;

/// <summary>
/// Runs <c>ss -tanH</c> inside the namespace back to back and keeps the latest result with the time it was started,
/// so a ladder row can show the kernel's state as sampled after the row's packet.
/// </summary>
public sealed class KernelStateSampler : IAsyncDisposable
{
    private readonly string _netns;
    private readonly Func<Instant> _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Task _loop;
    private Instant _latestStart = new(long.MinValue);
    private string[] _latest = [];

    public KernelStateSampler(string netns, Func<Instant> clock)
    {
        _netns = netns;
        _clock = clock;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Samples taken so far.</summary>
    public int Samples { get; private set; }

    /// <summary>The first sample started at or after <paramref name="time"/> (the latest one if none comes within 3 s).</summary>
    public async Task<string[]> AfterAsync(Instant time, CancellationToken cancellationToken)
    {
        var give = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (true)
        {
            lock (_gate)
            {
                if (_latestStart >= time || DateTime.UtcNow > give)
                {
                    return _latest;
                }
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop was stopped in the middle of a sample; that is how it ends.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var start = _clock();
            var (exit, stdout, _) = await ExternalCommand.RunAsync("ip", ["netns", "exec", _netns, "ss", "-tanH"], TimeSpan.FromSeconds(5), _stop.Token).ConfigureAwait(false);
            if (exit != 0)
            {
                continue;
            }

            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lock (_gate)
            {
                _latestStart = start;
                _latest = lines;
                Samples++;
            }
        }
    }
}
