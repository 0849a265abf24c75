namespace SynAck.Cli.Tests;

/// <summary>
/// <c>synack conns</c> on the sample: per connection (IPv4 then IPv6) a graceful close on 8080 (client closes
/// first, FIN+ACK answer: three-way), a refused SYN on 8081 and a server reset on 8082. Packet and IP-byte counts are
/// those tshark shows for each conversation (e.g. 6 client packets of 60+52+70+52+52+52 = 338 bytes on 8080).
/// </summary>
public sealed class ConnsCommandTests
{
    [Fact]
    public void Conns_SampleTable_WritesAlignedPlainTextWhenRedirected()
    {
        var run = CliRun.Of("conns", RepoPaths.Sample);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var w = SampleUids.All.Max(u => u.Length);
        string Uid(string uid) => uid.PadRight(w);
        Assert.Equal(
            $"""
            #  {Uid("uid")}  orig             resp            state  history   duration  orig pkts  orig bytes  resp pkts  resp bytes  orig end   resp end  close          closer  retx  dup acks  zero win  ooo            rtt avg
            1  {Uid(SampleUids.V4Graceful)}  127.0.0.1:34636  127.0.0.1:8080  SF     ShADadFf  0.000851          6          18          4          44  TIME_WAIT  CLOSED    three_way      orig     0/0       0/0       0/0  0/0  0.000054/0.000037
            2  {Uid(SampleUids.V4Refused)}  127.0.0.1:35804  127.0.0.1:8081  REJ    Sr        0.000014          1           0          1           0  CLOSED     CLOSED    refused        none     0/0       0/0       0/0  0/0         0.000014/-
            3  {Uid(SampleUids.V4Reset)}  127.0.0.1:41406  127.0.0.1:8082  RSTR   ShADar    0.000170          3          23          3           0  CLOSED     CLOSED    reset_by_resp  resp     0/0       0/0       0/0  0/0  0.000026/0.000007
            4  {Uid(SampleUids.V6Graceful)}  [::1]:49748      [::1]:8080      SF     ShADadFf  0.000349          6          18          4          44  TIME_WAIT  CLOSED    three_way      orig     0/0       0/0       0/0  0/0  0.000021/0.000013
            5  {Uid(SampleUids.V6Refused)}  [::1]:35936      [::1]:8081      REJ    Sr        0.000007          1           0          1           0  CLOSED     CLOSED    refused        none     0/0       0/0       0/0  0/0         0.000007/-
            6  {Uid(SampleUids.V6Reset)}  [::1]:49422      [::1]:8082      RSTR   ShADar    0.000181          3          23          3           0  CLOSED     CLOSED    reset_by_resp  resp     0/0       0/0       0/0  0/0  0.000005/0.000005

            """,
            run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Conns_SampleZeek_WritesAConnLogWithHeaders()
    {
        var run = CliRun.Of("conns", RepoPaths.Sample, "--format", "zeek");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2026-01-02-03-04-05\n"
            + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents\tip_proto\n"
            + "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]\tcount\n"
            + "1795650894.727150\t" + SampleUids.V4Graceful + "\t127.0.0.1\t34636\t127.0.0.1\t8080\ttcp\t-\t0.000851\t18\t44\tSF\t-\t-\t0\tShADadFf\t6\t338\t4\t260\t-\t6\n"
            + "1795650894.728412\t" + SampleUids.V4Refused + "\t127.0.0.1\t35804\t127.0.0.1\t8081\ttcp\t-\t0.000014\t0\t0\tREJ\t-\t-\t0\tSr\t1\t60\t1\t40\t-\t6\n"
            + "1795650894.728904\t" + SampleUids.V4Reset + "\t127.0.0.1\t41406\t127.0.0.1\t8082\ttcp\t-\t0.000170\t23\t0\tRSTR\t-\t-\t0\tShADar\t3\t187\t3\t164\t-\t6\n"
            + "1795650894.729880\t" + SampleUids.V6Graceful + "\t::1\t49748\t::1\t8080\ttcp\t-\t0.000349\t18\t44\tSF\t-\t-\t0\tShADadFf\t6\t458\t4\t340\t-\t6\n"
            + "1795650894.730486\t" + SampleUids.V6Refused + "\t::1\t35936\t::1\t8081\ttcp\t-\t0.000007\t0\t0\tREJ\t-\t-\t0\tSr\t1\t80\t1\t60\t-\t6\n"
            + "1795650894.730865\t" + SampleUids.V6Reset + "\t::1\t49422\t::1\t8082\ttcp\t-\t0.000181\t23\t0\tRSTR\t-\t-\t0\tShADar\t3\t247\t3\t224\t-\t6\n"
            + "#close\t2026-01-02-03-04-05\n",
            run.Stdout);
    }

    [Fact]
    public void Conns_SampleJson_WritesOneObjectPerConnection()
    {
        var run = CliRun.Of("conns", RepoPaths.Sample, "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(6, run.StdoutLines.Length);
        Assert.Equal(
            "{\"ts\":1795650894.72715,\"uid\":\"" + SampleUids.V4Graceful + "\",\"id.orig_h\":\"127.0.0.1\",\"id.orig_p\":34636,\"id.resp_h\":\"127.0.0.1\",\"id.resp_p\":8080,"
            + "\"proto\":\"tcp\",\"duration\":0.000851,\"orig_bytes\":18,\"resp_bytes\":44,\"conn_state\":\"SF\",\"missed_bytes\":0,\"history\":\"ShADadFf\","
            + "\"orig_pkts\":6,\"orig_ip_bytes\":338,\"resp_pkts\":4,\"resp_ip_bytes\":260,\"ip_proto\":6,\"orig_state\":\"TIME_WAIT\",\"resp_state\":\"CLOSED\","
            + "\"close_kind\":\"three_way\",\"active_closer\":\"orig\",\"reset_after_fin\":false,\"ignored_resets\":0,\"handshake\":{\"valid\":true,\"complete\":true,"
            + "\"orig_isn\":117888003,\"resp_isn\":3169621855,\"syn_synack_rtt\":0.000017,\"synack_ack_rtt\":0.000016,\"syn_retransmissions\":0,"
            + "\"synack_retransmissions\":0,\"orig_mss\":65495,\"resp_mss\":65495,\"orig_wscale\":10,\"resp_wscale\":10,\"sack_permitted\":true,\"timestamps\":true,"
            + "\"findings\":[]},\"orig_flags\":{\"syn\":1,\"fin\":1,\"ack\":5,\"psh\":1,\"rst\":0,\"urg\":0,\"ece\":0,\"cwr\":0},\"resp_flags\":{\"syn\":1,\"fin\":1,"
            + "\"ack\":4,\"psh\":1,\"rst\":0,\"urg\":0,\"ece\":0,\"cwr\":0},"
            + "\"orig_analysis\":{\"retransmissions\":0,\"dup_acks\":0,\"zero_windows\":0,\"out_of_order\":0,\"rtt_samples\":3,\"rtt_min\":0.000005,\"rtt_avg\":0.000054,"
            + "\"rtt_max\":0.000141,\"rtt_stdev\":0.000061},\"resp_analysis\":{\"retransmissions\":0,\"dup_acks\":0,\"zero_windows\":0,\"out_of_order\":0,\"rtt_samples\":3,"
            + "\"rtt_min\":0.000016,\"rtt_avg\":0.000037,\"rtt_max\":0.000051,\"rtt_stdev\":0.000015},\"first_packet\":1,\"last_packet\":10,\"removal\":\"end_of_capture\",\"transitions\":11,"
            + "\"schema\":1}",
            run.StdoutLines[0]);
        Assert.Contains("\"uid\":\"" + SampleUids.V4Refused + "\",", run.StdoutLines[1], StringComparison.Ordinal);
        Assert.Contains("\"conn_state\":\"REJ\",", run.StdoutLines[1], StringComparison.Ordinal);
        Assert.Contains("\"close_kind\":\"refused\",\"active_closer\":\"none\",", run.StdoutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Conns_SampleCsv_WritesHeaderAndRows()
    {
        var run = CliRun.Of("conns", RepoPaths.Sample, "--format", "csv");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.Equal("ts,uid,id.orig_h,id.orig_p,id.resp_h,id.resp_p,proto,duration,orig_bytes,resp_bytes,conn_state,missed_bytes,history,orig_pkts,orig_ip_bytes,resp_pkts,resp_ip_bytes,tunnel_parents,orig_state,resp_state,close_kind,active_closer,handshake_valid,orig_isn,resp_isn,syn_synack_rtt,synack_ack_rtt,syn_retransmissions,first_packet,last_packet,orig_retransmissions,orig_dup_acks,orig_zero_windows,orig_out_of_order,orig_rtt_samples,orig_rtt_min,orig_rtt_avg,orig_rtt_max,orig_rtt_stdev,resp_retransmissions,resp_dup_acks,resp_zero_windows,resp_out_of_order,resp_rtt_samples,resp_rtt_min,resp_rtt_avg,resp_rtt_max,resp_rtt_stdev", lines[0]);
        Assert.Equal("1795650894.728412," + SampleUids.V4Refused + ",127.0.0.1,35804,127.0.0.1,8081,tcp,0.000014,0,0,REJ,0,Sr,1,60,1,40,,CLOSED,CLOSED,refused,none,false,2800946272,,,,0,11,12,0,0,0,0,1,0.000014,0.000014,0.000014,0.000000,0,0,0,0,0,,,,", lines[2]);
        Assert.Equal("1795650894.730865," + SampleUids.V6Reset + ",::1,49422,::1,8082,tcp,0.000181,23,0,RSTR,0,ShADar,3,247,3,224,,CLOSED,CLOSED,reset_by_resp,resp,true,1382231023,597538844,0.000006,0.000005,0,31,36,0,0,0,0,2,0.000003,0.000005,0.000006,0.000002,0,0,0,0,1,0.000005,0.000005,0.000005,0.000000", lines[6]);
    }

    [Fact]
    public void Conns_TwoCaptures_GiveDistinctUidsAndOneHeader()
    {
        var run = CliRun.Of("conns", RepoPaths.Sample, RepoPaths.Sample, "--format", "zeek");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var rows = run.StdoutLines.Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(12, rows.Count);
        Assert.Single(run.StdoutLines, l => l.StartsWith("#fields", StringComparison.Ordinal));
        Assert.Equal(12, rows.Select(r => r.Split('\t')[1]).Distinct().Count());
    }

    [Fact]
    public void Conns_Terminal_DrawsATable()
    {
        var run = CliRun.Of(["conns", RepoPaths.Sample], terminal: true);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("╭", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:34636", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("reset_by_resp", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("6 connections; synack ladder CAPTURE --conn # draws one", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Conns_UnknownFormat_ExitsTwo()
    {
        var run = CliRun.Of("conns", RepoPaths.Sample, "--format", "xml");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("synack: Argument 'xml' not recognized. Must be one of: 'table' 'zeek' 'json' 'csv' 'parquet' (see 'synack --help')\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
