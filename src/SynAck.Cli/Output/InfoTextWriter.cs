using SynAck.Cli.Commands.Info;

namespace SynAck.Cli.Output;

/// <summary>Plain <c>label: value</c> lines for <c>synack info</c> when standard output is not a terminal.</summary>
public static class InfoTextWriter
{
    public static void Write(TextWriter output, CaptureSummary summary)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var (label, value) in InfoRows.Build(summary))
        {
            output.Write(label);
            output.Write(':');
            output.Write(new string(' ', Math.Max(1, 20 - label.Length)));
            output.WriteLine(value);
        }
    }
}
