using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SynAck.Analysis.Output;
using SynAck.Analysis.Records;
using SynAck.Wire;
using SynAck.Wire.Tcp;
using static SynAck.Analysis.Tests.Fixtures.Conversation;

namespace SynAck.Analysis.Tests.Output;

public class TunnelParentWriterTests
{
    private static ConnRecord TunnelledRecord()
    {
        var c = LastAck();
        c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        return c.Finish() with
        {
            TunnelParents =
            [
                new TunnelParent("CTunnelA", TunnelKind.Vxlan, IpAddr.Parse("192.168.56.12"), 38071, IpAddr.Parse("192.168.56.11"), 4789),
                new TunnelParent("CTunnelB", TunnelKind.Gre, IpAddr.Parse("172.27.1.66"), 0, IpAddr.Parse("66.59.109.137"), 0),
            ],
        };
    }

    [Fact]
    public void ZeekConnLogWriter_TunnelParents_JoinedBySetSeparator()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new ZeekConnLogWriter(buffer, new FakeTimeProvider());
        w.Write(TunnelledRecord());

        var columns = Encoding.UTF8.GetString(buffer.WrittenSpan).TrimEnd('\n').Split('\t');
        Assert.Equal("CTunnelA,CTunnelB", columns[Array.IndexOf(ZeekConnLogWriter.Fields, "tunnel_parents")]);
        Assert.Equal("6", columns[^1]);
    }

    [Theory]
    [InlineData(2, "\"CTunnelA,CTunnelB\"")]
    [InlineData(1, "CTunnelA")]
    [InlineData(0, "")]
    public void ConnCsvWriter_TunnelParents_CommaSeparatedAndQuotedWhenSeveral(int parents, string cell)
    {
        var record = TunnelledRecord();
        record = record with { TunnelParents = record.TunnelParents.Take(parents).ToArray() };
        var buffer = new ArrayBufferWriter<byte>();
        new ConnCsvWriter(buffer).Write(record);

        var row = Encoding.UTF8.GetString(buffer.WrittenSpan);
        var cells = CsvCells(row.TrimEnd('\r', '\n'));
        Assert.Equal(ConnCsvWriter.Columns.Length, cells.Count);
        Assert.Equal(cell.Trim('"'), cells[Array.IndexOf(ConnCsvWriter.Columns, "tunnel_parents")]);
        Assert.Contains($",{cell},TIME_WAIT,", row, StringComparison.Ordinal);
    }

    /// <summary>RFC 4180 cells of one row (quoted cells may hold commas).</summary>
    private static List<string> CsvCells(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var ch in row)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    [Fact]
    public void ConnJsonLinesWriter_TunnelParents_UidArrayAndTunnelDetails()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new ConnJsonLinesWriter(buffer))
        {
            w.Write(TunnelledRecord());
        }

        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan));
        var root = doc.RootElement;
        Assert.Equal(["CTunnelA", "CTunnelB"], root.GetProperty("tunnel_parents").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var tunnels = root.GetProperty("tunnels").EnumerateArray().ToArray();
        Assert.Equal(2, tunnels.Length);
        Assert.Equal("CTunnelA", tunnels[0].GetProperty("uid").GetString());
        Assert.Equal("vxlan", tunnels[0].GetProperty("kind").GetString());
        Assert.Equal("192.168.56.12", tunnels[0].GetProperty("outer_src_h").GetString());
        Assert.Equal(38071, tunnels[0].GetProperty("outer_src_p").GetInt32());
        Assert.Equal("192.168.56.11", tunnels[0].GetProperty("outer_dst_h").GetString());
        Assert.Equal(4789, tunnels[0].GetProperty("outer_dst_p").GetInt32());
        Assert.Equal("gre", tunnels[1].GetProperty("kind").GetString());
    }

    [Fact]
    public void ConnJsonLinesWriter_NoTunnel_OmitsTunnelKeys()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new ConnJsonLinesWriter(buffer))
        {
            w.Write(TunnelledRecord() with { TunnelParents = [] });
        }

        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.False(doc.RootElement.TryGetProperty("tunnel_parents", out _));
        Assert.False(doc.RootElement.TryGetProperty("tunnels", out _));
    }
}
