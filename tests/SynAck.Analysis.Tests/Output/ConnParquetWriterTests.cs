using Parquet;
using Parquet.Schema;
using SynAck.Analysis.Output;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Fixtures;
using SynAck.Analysis.Tests.Pipeline;
using SynAck.Analysis.Zeek;
using SynAck.Wire;
using SynAck.Wire.Tcp;
using static SynAck.Analysis.Tests.Fixtures.Conversation;

namespace SynAck.Analysis.Tests.Output;

public class ConnParquetWriterTests
{
    /// <summary>What each column must hold for a record, written independently of the writer.</summary>
    private static readonly Dictionary<string, Func<ConnRecord, object?>> Expected = new()
    {
        ["ts"] = r => r.TimestampNanos / 1e9,
        ["uid"] = r => r.Uid,
        ["id.orig_h"] = r => r.OrigHost.ToString(),
        ["id.orig_p"] = r => (int)r.OrigPort,
        ["id.resp_h"] = r => r.RespHost.ToString(),
        ["id.resp_p"] = r => (int)r.RespPort,
        ["proto"] = _ => "tcp",
        ["duration"] = r => r.DurationNanos / 1e9,
        ["orig_bytes"] = r => (long?)r.OrigBytes,
        ["resp_bytes"] = r => (long?)r.RespBytes,
        ["conn_state"] = r => r.ConnState.ToZeekCode(),
        ["missed_bytes"] = r => (long)r.MissedBytes,
        ["history"] = r => r.History,
        ["orig_pkts"] = r => (long)r.OrigPackets,
        ["orig_ip_bytes"] = r => (long)r.OrigIpBytes,
        ["resp_pkts"] = r => (long)r.RespPackets,
        ["resp_ip_bytes"] = r => (long)r.RespIpBytes,
        ["tunnel_parents"] = r => r.TunnelParents.Count == 0 ? null : string.Join(",", r.TunnelParents.Select(t => t.Uid)),
        ["orig_state"] = r => r.OrigState.ToName(),
        ["resp_state"] = r => r.RespState.ToName(),
        ["close_kind"] = r => r.CloseKind.ToName(),
        ["active_closer"] = r => r.ActiveCloser.ToName(),
        ["handshake_valid"] = r => r.Handshake.Valid,
        ["orig_isn"] = r => (long?)r.Handshake.OrigIsn,
        ["resp_isn"] = r => (long?)r.Handshake.RespIsn,
        ["syn_synack_rtt"] = r => r.Handshake.SynSynAckRttNs / 1e9,
        ["synack_ack_rtt"] = r => r.Handshake.SynAckAckRttNs / 1e9,
        ["syn_retransmissions"] = r => r.Handshake.SynRetransmissions,
        ["first_packet"] = r => r.FirstFrame,
        ["last_packet"] = r => r.LastFrame,
        ["orig_retransmissions"] = r => r.OrigAnalysis.Retransmissions,
        ["orig_dup_acks"] = r => r.OrigAnalysis.DuplicateAcks,
        ["orig_zero_windows"] = r => r.OrigAnalysis.ZeroWindows,
        ["orig_out_of_order"] = r => r.OrigAnalysis.OutOfOrder,
        ["orig_rtt_samples"] = r => r.OrigAnalysis.RttSamples,
        ["orig_rtt_min"] = r => r.OrigAnalysis.RttMinNanos / 1e9,
        ["orig_rtt_avg"] = r => r.OrigAnalysis.RttAvgNanos / 1e9,
        ["orig_rtt_max"] = r => r.OrigAnalysis.RttMaxNanos / 1e9,
        ["orig_rtt_stdev"] = r => r.OrigAnalysis.RttStdevNanos / 1e9,
        ["resp_retransmissions"] = r => r.RespAnalysis.Retransmissions,
        ["resp_dup_acks"] = r => r.RespAnalysis.DuplicateAcks,
        ["resp_zero_windows"] = r => r.RespAnalysis.ZeroWindows,
        ["resp_out_of_order"] = r => r.RespAnalysis.OutOfOrder,
        ["resp_rtt_samples"] = r => r.RespAnalysis.RttSamples,
        ["resp_rtt_min"] = r => r.RespAnalysis.RttMinNanos / 1e9,
        ["resp_rtt_avg"] = r => r.RespAnalysis.RttAvgNanos / 1e9,
        ["resp_rtt_max"] = r => r.RespAnalysis.RttMaxNanos / 1e9,
        ["resp_rtt_stdev"] = r => r.RespAnalysis.RttStdevNanos / 1e9,
    };

    [Fact]
    public void ConnParquetWriter_Columns_AreTheCsvColumns()
    {
        using var output = new MemoryStream();
        using var writer = new ConnParquetWriter(output);

        Assert.Equal(ConnCsvWriter.Columns, writer.ColumnNames);
        Assert.Equal(ConnCsvWriter.Columns.Order(), Expected.Keys.Order());
    }

    [Fact]
    public void ConnParquetWriter_FixtureRecords_ReadBackExactly()
    {
        // A closed connection, a tunnelled one (two parents) and a refused one (no ISN of the responder, no RTTs):
        // values, nulls and the tunnel set, in row groups of two (the last one short).
        var closed = LastAck();
        closed.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        var tunnelled = closed.Finish() with
        {
            Uid = "CTunnelled",
            TunnelParents =
            [
                new TunnelParent("CTunnelA", TunnelKind.Vxlan, IpAddr.Parse("192.168.56.12"), 38071, IpAddr.Parse("192.168.56.11"), 4789),
                new TunnelParent("CTunnelB", TunnelKind.Gre, IpAddr.Parse("172.27.1.66"), 0, IpAddr.Parse("66.59.109.137"), 0),
            ],
        };
        var records = new List<ConnRecord> { closed.Finish(), tunnelled, Refused() };

        var rows = WriteAndRead(records, rowGroupSize: 2, out var groups);

        Assert.Equal(2, groups);
        AssertRows(records, rows);
        Assert.Equal("CTunnelA,CTunnelB", rows["tunnel_parents"][1]);
        Assert.Null(rows["tunnel_parents"][0]);
        Assert.Null(rows["resp_isn"][2]);
        Assert.Equal("REJ", rows["conn_state"][2]);
    }

    [SkippableFact]
    public void ConnParquetWriter_LabeledCapture_EveryCellReadsBack()
    {
        var path = PipelineFiles.Shared("captures/labeled.pcap");
        Skip.If(path is null, "../shared/captures/labeled.pcap is not there");
        var records = PipelineRunner.Records(path!, threads: 2);
        Assert.True(records.Count > 100, $"{records.Count} records");

        var rows = WriteAndRead(records, rowGroupSize: 64, out var groups);

        Assert.Equal((records.Count + 63) / 64, groups);
        AssertRows(records, rows);
    }

    [Fact]
    public void ConnParquetWriter_NoRecords_WritesAReadableFileWithTheSchema()
    {
        var rows = WriteAndRead([], rowGroupSize: 10, out _);

        Assert.Equal(Expected.Count, rows.Count);
        Assert.All(rows.Values, column => Assert.Empty(column));
    }

    [Fact]
    public void ConnParquetWriter_AfterComplete_RefusesRecords()
    {
        using var output = new MemoryStream();
        using var writer = new ConnParquetWriter(output);
        writer.Complete();

        Assert.Throws<ObjectDisposedException>(() => writer.Write(Refused()));
    }

    [Fact]
    public void ConnParquetWriter_DisposeAfterComplete_WritesNothingMore()
    {
        using var output = new MemoryStream();
        var writer = new ConnParquetWriter(output, rowGroupSize: 2);
        writer.Write(Refused());
        writer.Complete();
        var length = output.Length;

        writer.Dispose();

        Assert.Equal(length, output.Length);
    }

    [Fact]
    public async Task ConnParquetWriter_DisposedWithoutComplete_KeepsTheWrittenRowGroupsReadable()
    {
        // Three records in row groups of two: the first group is written, the third record is still buffered when a
        // failed run disposes the writer; the file ends with the group written, readable.
        using var output = new MemoryStream();
        var refused = Refused();
        using (var writer = new ConnParquetWriter(output, rowGroupSize: 2))
        {
            writer.Write(refused);
            writer.Write(refused);
            writer.Write(refused);
        }

        output.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(output);
        Assert.Equal(1, reader.RowGroupCount);
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(2, group.RowCount);
    }

    /// <summary>A SYN answered by RST+ACK.</summary>
    private static ConnRecord Refused()
    {
        var c = new Conversation();
        c.Client(TcpFlags.Syn, ClientIsn);
        c.Server(TcpFlags.Rst | TcpFlags.Ack, 0, ClientIsn + 1);
        return c.Finish();
    }

    private static void AssertRows(List<ConnRecord> records, Dictionary<string, List<object?>> rows)
    {
        foreach (var (name, expected) in Expected)
        {
            Assert.Equal(records.Select(expected).ToList(), rows[name]);
        }
    }

    /// <summary>Writes the records and reads every column back by its type, row groups concatenated.</summary>
    private static Dictionary<string, List<object?>> WriteAndRead(List<ConnRecord> records, int rowGroupSize, out int groups)
    {
        using var output = new MemoryStream();
        using (var writer = new ConnParquetWriter(output, rowGroupSize))
        {
            records.ForEach(writer.Write);
            writer.Complete();
        }

        output.Position = 0;
        var reader = ParquetReader.CreateAsync(output).GetAwaiter().GetResult();
        groups = reader.RowGroupCount;
        var columns = reader.Schema.GetDataFields().ToDictionary(f => f.Name, _ => new List<object?>());
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            foreach (var field in reader.Schema.GetDataFields())
            {
                columns[field.Name].AddRange(Read(group, field, (int)group.RowCount));
            }
        }

        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return columns;
    }

    private static IEnumerable<object?> Read(ParquetRowGroupReader group, DataField field, int rows)
    {
        // Parquet.Net describes text columns as ReadOnlyMemory<char> (its untyped strings) and reads them as strings too.
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[rows];
            group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
            return values;
        }

        return (field.ClrType, field.IsNullable) switch
        {
            (var t, false) when t == typeof(double) => Values<double>(group, field, rows),
            (var t, true) when t == typeof(double) => Nullable<double>(group, field, rows),
            (var t, false) when t == typeof(long) => Values<long>(group, field, rows),
            (var t, true) when t == typeof(long) => Nullable<long>(group, field, rows),
            (var t, false) when t == typeof(int) => Values<int>(group, field, rows),
            (var t, false) when t == typeof(bool) => Values<bool>(group, field, rows),
            _ => throw new InvalidOperationException($"{field.Name}: unexpected column type {field.ClrType} (nullable {field.IsNullable})"),
        };
    }

    private static IEnumerable<object?> Values<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T[rows];
        group.ReadAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
        return values.Select(v => (object?)v);
    }

    private static IEnumerable<object?> Nullable<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        group.ReadAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
        return values.Select(v => (object?)v);
    }
}
