using System.Buffers;
using SynAck.Analysis.Output;
using SynAck.Analysis.Pipeline;
using SynAck.Analysis.Records;
using SynAck.Capture;
using SynAck.Cli.Common;
using SynAck.Cli.Output;

namespace SynAck.Cli.Commands.Conns;

/// <summary>
/// Runs <c>synack conns</c>: tracks every TCP connection of each capture and writes one record per connection
/// as it ends (Zeek's removal order; within one sweep, by first packet) on <see cref="ConnPipeline"/> with
/// <c>--threads</c> workers (same bytes for any number). zeek, json and csv stream; parquet buffers a row group at a
/// time (<see cref="ConnParquetWriter"/>); the table collects the records first. Each capture gets its own pipeline
/// with uids seeded by its index; a zeek or csv header, and one Parquet file, for all.
/// </summary>
public sealed class ConnsHandler(CliEnvironment environment, TextWriter output)
{
    public int Run(ConnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Format == ConnOutputFormat.Parquet && environment.OutputIsTerminal)
        {
            throw CliException.Usage("--format parquet writes a binary file: redirect standard output (synack conns -f parquet CAPTURE > conns.parquet)");
        }

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
        var time = environment.Time;
        var header = new StreamBufferWriter(environment.Output);
        var zeek = options.Format == ConnOutputFormat.Zeek ? new ZeekConnLogWriter(header, time) : null;
        zeek?.WriteHeader();
        if (options.Format == ConnOutputFormat.Csv)
        {
            new ConnCsvWriter(header).WriteHeader();
        }

        header.Flush();
        Func<IBufferWriter<byte>, ZeekConnLogWriter>? zeekEncoder = options.Format == ConnOutputFormat.Zeek ? b => new ZeekConnLogWriter(b, time) : null;
        Func<IBufferWriter<byte>, Action<ConnRecord>>? encoder = options.Format switch
        {
            ConnOutputFormat.Json => b => new ConnJsonLinesWriter(b).Write,
            ConnOutputFormat.Csv => b => new ConnCsvWriter(b).Write,
            _ => null,
        };
        var table = options.Format == ConnOutputFormat.Table;
        using var parquet = options.Format == ConnOutputFormat.Parquet ? new ConnParquetWriter(environment.Output) : null;
        var streamed = !table && parquet is null;
        var records = new List<ConnTableEntry>();
        var numbered = new List<NumberedRecord>();
        var runs = new PipelineCaptures(environment, options.Threads, options.VerifyChecksums, options.NoTunnels);
        for (var i = 0; i < readers.Count; i++)
        {
            var (path, reader) = readers[i];
            runs.Run(i, path, reader, streamed ? environment.Output : null, encoder, table ? r => records.Add(ConnTableEntry.From(r)) : parquet is { } p ? p.Write : null, zeekEncoder: zeekEncoder);
            TrackedCapture.ReportWarnings(environment, path, reader);
            numbered.AddRange(ConnTableRows.Number(records));
            records.Clear();
        }

        zeek?.WriteFooter();
        header.Flush();
        parquet?.Complete();
        if (options.Stats)
        {
            runs.WriteStats();
        }

        if (table)
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
