namespace SynAck.Cli;

/// <summary>
/// The process's I/O as the commands see it: injected so that tests run commands in-process against memory
/// streams. Commands write text and JSON as UTF-8 to <see cref="Output"/> and one-line errors to <see cref="Error"/>.
/// </summary>
public sealed class CliEnvironment(
    Stream output, TextWriter error, Func<Stream> openInput, bool outputIsTerminal, int terminalWidth = 0, TimeProvider? time = null,
    bool errorIsTerminal = false, Func<long>? peakMemory = null)
{
    /// <summary>Standard output as a byte stream (text is written as UTF-8 without BOM).</summary>
    public Stream Output { get; } = output;

    /// <summary>Standard error: one-line diagnostics only.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Opens standard input, for a capture named <c>-</c>.</summary>
    public Func<Stream> OpenInput { get; } = openInput;

    /// <summary>True when standard output is a terminal: tables and colour; false when redirected: plain text.</summary>
    public bool OutputIsTerminal { get; } = outputIsTerminal;

    /// <summary>Terminal width in columns, or 0 when unknown or redirected.</summary>
    public int TerminalWidth { get; } = terminalWidth;

    /// <summary>The wall clock, for the <c>#open</c>/<c>#close</c> stamps of Zeek logs and for run times and rates.</summary>
    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    /// <summary>True when standard error is a terminal: long runs draw a progress bar there.</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    /// <summary>Peak memory of the process so far in bytes (peak working set), for <c>--stats</c>.</summary>
    public Func<long> PeakMemory { get; } = peakMemory ?? (() => 0);

    /// <summary>A buffered UTF-8 text writer over <see cref="Output"/>; dispose it to flush.</summary>
    public StreamWriter CreateTextWriter() =>
        new(Output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
}
