using System.Globalization;
using Spectre.Console;
using SynAck.Analysis.Pipeline;

namespace SynAck.Cli.Common;

/// <summary>
/// The progress bar of long runs, drawn with Spectre.Console on standard error only when it is a terminal (bytes
/// read of the input's size, packets/s, live connections). Rates come from the pipeline's reports, whose times come
/// from the injected <see cref="TimeProvider"/>; the bar is redrawn only when a report arrives.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>
    /// Runs <paramref name="work"/>, giving it a progress callback when standard error is a terminal (null
    /// otherwise, so redirected runs print nothing).
    /// </summary>
    public static T Run<T>(CliEnvironment environment, string name, Func<Action<PipelineProgress>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(work);
        if (!environment.ErrorIsTerminal)
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Error),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
        });
        var label = Markup.Escape(name);
        return console.Progress()
            .AutoRefresh(false)
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: 1);
                return work(p =>
                {
                    Update(task, label, p);
                    context.Refresh();
                });
            });
    }

    /// <summary>The task's value and description for one report.</summary>
    internal static void Update(ProgressTask task, string label, PipelineProgress p)
    {
        var total = p.TotalBytes is > 0 ? p.TotalBytes.Value : Math.Max(p.BytesRead, 1);
        task.IsIndeterminate = p.TotalBytes is null;
        task.MaxValue = total;
        task.Value = Math.Min(p.BytesRead, total);
        task.Description = Describe(label, p);
    }

    /// <summary>"NAME  12.3 MB  1234567 packets/s  1234 live".</summary>
    internal static string Describe(string label, PipelineProgress p)
    {
        var seconds = p.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? ((long)Math.Round(p.Packets / seconds)).ToString(CultureInfo.InvariantCulture) : "-";
        return string.Create(CultureInfo.InvariantCulture, $"{label}  {p.BytesRead / 1e6:0.0} MB  {rate} packets/s  {p.LiveConnections} live");
    }
}
