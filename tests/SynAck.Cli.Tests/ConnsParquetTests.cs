using System.Text;
using Parquet;

namespace SynAck.Cli.Tests;

/// <summary>
/// <c>synack conns --format parquet</c>: one Parquet file on standard output with the CSV's rows (the writer's
/// columns and types are tested cell by cell in SynAck.Analysis.Tests, ConnParquetWriterTests).
/// </summary>
public sealed class ConnsParquetTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Conns_Parquet_HoldsTheCsvRowsAndIsTheSameForAnyThreads(int captures)
    {
        var paths = Enumerable.Repeat(RepoPaths.Sample, captures).ToArray();
        var csv = CliRun.Of(["conns", .. paths, "--format", "csv"]);
        var runs = new[] { 1, 2, 3 }.Select(t => CliRun.Of(["conns", .. paths, "--format", "parquet", "--threads", t.ToString()])).ToList();

        Assert.All(runs, r => Assert.Equal(ExitCodes.Ok, r.ExitCode));
        Assert.All(runs, r => Assert.Equal("", r.Stderr));
        Assert.All(runs, r => Assert.Equal(runs[0].StdoutBytes, r.StdoutBytes));
        var bytes = runs[0].StdoutBytes;
        Assert.Equal("PAR1", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("PAR1", Encoding.ASCII.GetString(bytes, bytes.Length - 4, 4));
        var rows = csv.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(6 * captures, rows.Count);
        var header = csv.Stdout[..csv.Stdout.IndexOf('\r')].Split(',');
        foreach (var name in new[] { "uid", "id.orig_h", "conn_state", "history", "orig_state", "resp_state", "close_kind" })
        {
            Assert.Equal(rows.Select(r => r[Array.IndexOf(header, name)]), Text(bytes, name));
        }
    }

    [Fact]
    public void Conns_ParquetToATerminal_IsAUsageError()
    {
        var run = CliRun.Of(["conns", RepoPaths.Sample, "--format", "parquet"], terminal: true);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(run.StdoutBytes);
        Assert.Equal(
            ["synack: --format parquet writes a binary file: redirect standard output (synack conns -f parquet CAPTURE > conns.parquet)"],
            run.StderrLines);
    }

    /// <summary>A text column of a Parquet file, every row group.</summary>
    private static List<string?> Text(byte[] parquet, string name)
    {
        using var input = new MemoryStream(parquet);
        var reader = ParquetReader.CreateAsync(input).GetAwaiter().GetResult();
        var field = reader.Schema.GetDataFields().Single(f => f.Name == name);
        var values = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var column = new string?[group.RowCount];
            group.ReadAsync(field, column.AsMemory()).GetAwaiter().GetResult();
            values.AddRange(column);
        }

        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return values;
    }
}
