using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SynAck.Analysis.Output;
using SynAck.Analysis.Records;
using SynAck.Analysis.Tests.Fixtures;
using SynAck.Wire.Tcp;
using static SynAck.Analysis.Tests.Fixtures.Conversation;

namespace SynAck.Analysis.Tests.Output;

public class WriterTests
{
    private static ConnRecord GracefulRecord()
    {
        var c = LastAck();
        c.Client(TcpFlags.Ack, ClientIsn + 2, ServerIsn + 2);
        return c.Finish();
    }

    [Fact]
    public void ZeekConnLogWriter_HeaderRowFooter_MatchZeekAsciiFormat()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 1, 2, 3, TimeSpan.Zero));
        var w = new ZeekConnLogWriter(buffer, time);
        var r = GracefulRecord();
        w.WriteHeader();
        w.Write(r);
        w.WriteFooter();
        var expected =
            "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2026-11-26-01-02-03\n" +
            "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents\tip_proto\n" +
            "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]\tcount\n" +
            $"1700000000.001000\t{r.Uid}\t10.0.0.1\t40000\t10.0.0.2\t8080\ttcp\t-\t0.005000\t0\t0\tSF\t-\t-\t0\tShAFaf\t4\t160\t3\t120\t-\t6\n" +
            "#close\t2026-11-26-01-02-03\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void ConnJsonLinesWriter_Record_HasZeekKeysAndLifecycleFields()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new ConnJsonLinesWriter(buffer))
        {
            w.Write(GracefulRecord());
        }

        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        Assert.Equal("10.0.0.1", root.GetProperty("id.orig_h").GetString());
        Assert.Equal(8080, root.GetProperty("id.resp_p").GetInt32());
        Assert.Equal(1700000000.001m, root.GetProperty("ts").GetDecimal());
        Assert.Equal("SF", root.GetProperty("conn_state").GetString());
        Assert.Equal("ShAFaf", root.GetProperty("history").GetString());
        Assert.Equal("TIME_WAIT", root.GetProperty("orig_state").GetString());
        Assert.Equal("CLOSED", root.GetProperty("resp_state").GetString());
        Assert.Equal("four_way", root.GetProperty("close_kind").GetString());
        Assert.Equal("orig", root.GetProperty("active_closer").GetString());
        var hs = root.GetProperty("handshake");
        Assert.True(hs.GetProperty("valid").GetBoolean());
        Assert.Equal(ClientIsn, hs.GetProperty("orig_isn").GetUInt32());
        Assert.Equal(ServerIsn, hs.GetProperty("resp_isn").GetUInt32());
        Assert.Equal(0.001m, hs.GetProperty("syn_synack_rtt").GetDecimal());
        Assert.Equal(2, root.GetProperty("orig_flags").GetProperty("fin").GetInt32() + root.GetProperty("resp_flags").GetProperty("fin").GetInt32());
        Assert.Equal(1, root.GetProperty("first_packet").GetInt64());
        Assert.Equal(7, root.GetProperty("last_packet").GetInt64());
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
    }

    [Fact]
    public void ConnCsvWriter_HeaderAndRow_AreRfc4180Lines()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new ConnCsvWriter(buffer);
        var r = GracefulRecord();
        w.WriteHeader();
        w.Write(r);
        var lines = Encoding.UTF8.GetString(buffer.WrittenSpan).Split("\r\n");
        Assert.Equal(string.Join(',', ConnCsvWriter.Columns), lines[0]);
        Assert.Equal(
            $"1700000000.001000,{r.Uid},10.0.0.1,40000,10.0.0.2,8080,tcp,0.005000,0,0,SF,0,ShAFaf,4,160,3,120,,TIME_WAIT,CLOSED,four_way,orig,true,1000,5000,0.001000,0.001000,0,1,7," +
            "0,0,0,0,2,0.001000,0.001000,0.001000,0.000000,0,0,0,0,2,0.001000,0.001000,0.001000,0.000000",
            lines[1]);
        Assert.Equal("", lines[2]);
    }
}
