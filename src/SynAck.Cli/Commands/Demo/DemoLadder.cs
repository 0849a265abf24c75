using System.Globalization;
using System.Text;
using SynAck.Cli.Output;
using SynAck.Stack;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Commands.Demo;

/// <summary>
/// Prints the live ladder: a row per segment with SynAck's state after it (from its transition events) and the
/// kernel's state sampled by <c>ss</c> after it. A received segment's row waits for the transitions it causes; a
/// transition no segment explains (a timer) gets a row of its own.
/// </summary>
public sealed class DemoLadder(TextWriter output, LadderTap tap, KernelStateSampler sampler, Func<Instant> clock)
{
    private const int ArrowWidth = 46;

    /// <summary>A transition followed this soon by a segment SynAck sends is shown by that segment's row.</summary>
    private static readonly TimeSpan s_sameStep = TimeSpan.FromMilliseconds(50);

    /// <summary>Transitions a received segment causes happen in the same poll, at the segment's instant.</summary>
    private static readonly TimeSpan s_samePoll = TimeSpan.FromMilliseconds(1);

    private readonly Lock _gate = new();
    private readonly List<LadderEvent> _transitions = [];
    private LadderEvent? _row;
    private string _state = "CLOSED";
    private Instant _origin;
    private uint? _synackIsn;
    private uint? _kernelIsn;
    private long _lastActivity = Environment.TickCount64;

    /// <summary>SynAck's ISN in the current part, once its SYN was seen.</summary>
    public uint? SynAckIsn => _synackIsn;

    /// <summary>The kernel's ISN in the current part, once its SYN was seen.</summary>
    public uint? KernelIsn => _kernelIsn;

    /// <summary>Writes a line between parts (headers, notes).</summary>
    public void WriteLine(string line)
    {
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    /// <summary>Starts a part: times restart at zero, relative numbers follow this part's ISNs, and a first row shows the starting states.</summary>
    public async Task BeginPartAsync(string synackState, string synackEnd, string kernelEnd, ushort kernelPort, CancellationToken ct)
    {
        _origin = clock();
        _synackIsn = null;
        _kernelIsn = null;
        _state = synackState;
        var head = string.Create(CultureInfo.InvariantCulture, $"{"time",7}  {"SynAck " + synackEnd,-13}");
        WriteLine($"{head.PadRight(9 + 14 + ArrowWidth)}  kernel (ss -tan)");
        var lines = await sampler.AfterAsync(_origin, ct).ConfigureAwait(false);
        Print(_origin, _state, string.Empty.PadRight(ArrowWidth), KernelStates.StateOf(lines, kernelEnd, synackEnd, kernelPort));
    }

    /// <summary>Prints events as they come until cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var events = tap.Events;
        while (!ct.IsCancellationRequested)
        {
            if (events.TryRead(out var e))
            {
                Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
                await HandleAsync(e, ct).ConfigureAwait(false);
                continue;
            }

            if ((_row is not null || _transitions.Count > 0) && Environment.TickCount64 - Interlocked.Read(ref _lastActivity) > 50)
            {
                await FlushAsync(null, ct).ConfigureAwait(false);
            }

            await Task.WhenAny(events.WaitToReadAsync(ct).AsTask(), Task.Delay(20, ct)).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until no event has arrived for <paramref name="quiet"/> and every row is printed.</summary>
    public async Task DrainAsync(TimeSpan quiet, CancellationToken ct)
    {
        while (tap.Events.TryPeek(out _) || _row is not null || _transitions.Count > 0
            || Environment.TickCount64 - Interlocked.Read(ref _lastActivity) < (long)quiet.TotalMilliseconds)
        {
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(LadderEvent e, CancellationToken ct)
    {
        if (!e.IsPacket)
        {
            // A transition right after a received segment is that segment's doing.
            if (_row is { Outbound: false } r && e.Time - r.Time < s_samePoll)
            {
                _state = e.To.ToRfcName();
                return;
            }

            await FlushAsync(null, ct).ConfigureAwait(false);
            _state = e.To.ToRfcName();
            _transitions.Add(e);
            return;
        }

        await FlushAsync(e, ct).ConfigureAwait(false);
        if ((e.Flags & TcpFlags.Syn) != 0)
        {
            if (e.Outbound)
            {
                _synackIsn ??= e.Seq;
            }
            else
            {
                _kernelIsn ??= e.Seq;
            }
        }

        _row = e;
    }

    /// <summary>Prints the pending row and any transitions not explained by <paramref name="next"/> (a segment SynAck sends right after them).</summary>
    private async Task FlushAsync(LadderEvent? next, CancellationToken ct)
    {
        if (_row is { } row)
        {
            _row = null;
            var lines = await sampler.AfterAsync(row.Time, ct).ConfigureAwait(false);
            Print(row.Time, _state, Arrow(row), KernelStates.StateOf(lines, row.KernelEnd, row.SynAckEnd, row.KernelPort));
        }

        if (_transitions.Count == 0)
        {
            return;
        }

        var last = _transitions[^1];
        if (next is { Outbound: true } n && n.Time - last.Time < s_sameStep)
        {
            _transitions.Clear();
            return;
        }

        foreach (var t in _transitions)
        {
            var lines = await sampler.AfterAsync(t.Time, ct).ConfigureAwait(false);
            var note = $"  ({t.From.ToRfcName()} -> {t.To.ToRfcName()}: {t.Cause})";
            Print(t.Time, t.To.ToRfcName(), note.PadRight(ArrowWidth), KernelStates.StateOf(lines, t.KernelEnd, t.SynAckEnd, t.KernelPort));
        }

        _transitions.Clear();
    }

    private string Arrow(in LadderEvent e)
    {
        var label = new StringBuilder();
        foreach (var bit in FlagNames.Order)
        {
            if (((ushort)e.Flags & bit) != 0)
            {
                label.Append(label.Length > 0 ? "," : string.Empty).Append(FlagNames.Name((TcpFlags)bit));
            }
        }

        var ownIsn = e.Outbound ? _synackIsn : _kernelIsn;
        var peerIsn = e.Outbound ? _kernelIsn : _synackIsn;
        label.Append(CultureInfo.InvariantCulture, $" seq={Relative(e.Seq, ownIsn)}");
        if ((e.Flags & TcpFlags.Ack) != 0)
        {
            label.Append(CultureInfo.InvariantCulture, $" ack={Relative(e.Ack, peerIsn)}");
        }

        if (e.Length > 0)
        {
            label.Append(CultureInfo.InvariantCulture, $" len={e.Length}");
        }

        var inner = " " + label + " ";
        return e.Outbound
            ? "--" + inner.PadRight(ArrowWidth - 3, '-') + ">"
            : "<-" + inner.PadRight(ArrowWidth - 2, '-');
    }

    private static uint Relative(uint value, uint? isn) => isn is { } i ? unchecked(value - i) : value;

    private void Print(Instant time, string synack, string arrow, string kernel) =>
        WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(time - _origin).TotalSeconds,7:0.000}  {synack,-13}  {arrow}  {kernel}"));
}
