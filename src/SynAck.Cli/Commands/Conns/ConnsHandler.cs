using SynAck.Analysis.Output;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;
using SynAck.Capture;
using SynAck.Cli.Common;
using SynAck.Cli.Output;

namespace SynAck.Cli.Commands.Conns;

/// <summary>
/// Runs <c>synack conns</c>: tracks every TCP connection of each capture and writes one record per connection
/// as it ends (Zeek's removal order). zeek, json and csv stream; the table collects the records first. Each capture
/// gets its own tracker; a zeek or csv header is written once.
/// </summary>
public sealed class ConnsHandler(CliEnvironment environment, TextWriter output)
{
    public int Run(ConnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Open every capture first, so input errors come before any output (and a header is not left alone).
        var exit = CaptureInput.OpenAll(environment, options.Captures, out var readers);
        try
        {
            if (readers.Count > 0)
            {
                Write(options, readers);
            }
        }
        finally
        {
            foreach (var (_, reader) in readers)
            {
                reader.Dispose();
            }
        }

        return exit;
    }

    private void Write(ConnsOptions options, List<(string Path, CaptureReader Reader)> readers)
    {
        output.Flush();
        var buffer = new StreamBufferWriter(environment.Output);
        var records = new List<ConnRecord>();
        var numbered = new List<NumberedRecord>();
        using var json = options.Format == ConnOutputFormat.Json ? new ConnJsonLinesWriter(buffer) : null;
        var zeek = options.Format == ConnOutputFormat.Zeek ? new ZeekConnLogWriter(buffer, environment.Time) : null;
        var csv = options.Format == ConnOutputFormat.Csv ? new ConnCsvWriter(buffer) : null;
        zeek?.WriteHeader();
        csv?.WriteHeader();
        var sink = new RecordSink(r =>
        {
            zeek?.Write(r);
            json?.Write(r);
            csv?.Write(r);
            if (options.Format == ConnOutputFormat.Table)
            {
                records.Add(r);
            }
        });

        for (var i = 0; i < readers.Count; i++)
        {
            var (path, reader) = readers[i];
            var tracker = new ConnectionTracker(TrackedCapture.Options(i, options.VerifyChecksums), sink);
            TrackedCapture.Run(reader, tracker, options.VerifyChecksums, decode: CommonOptions.Decode(options.NoTunnels));
            TrackedCapture.ReportWarnings(environment, path, reader);
            numbered.AddRange(ConnTableRows.Number(records));
            records.Clear();
        }

        zeek?.WriteFooter();
        buffer.Flush();
        if (options.Format == ConnOutputFormat.Table)
        {
            if (environment.OutputIsTerminal)
            {
                ConnTable.Write(TerminalConsole.Create(output, environment.TerminalWidth), numbered);
            }
            else
            {
                ConnTextWriter.Write(output, numbered);
            }
        }
    }
}
