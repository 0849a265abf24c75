namespace SynAck.Cli.Tests;

public sealed class PacketsCommandTests
{
    [Fact]
    public void Packets_SampleText_MatchesTcpdumpLines()
    {
        var run = CliRun.Of("packets", RepoPaths.Sample);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.StdoutLines;
        Assert.Equal(38, lines.Length);
        Assert.Equal("23:54:54.727150 IP 127.0.0.1.34636 > 127.0.0.1.8080: Flags [S], seq 117888003, win 65495, options [mss 65495,sackOK,TS val 481140914 ecr 0,nop,wscale 10], length 0", lines[0]);
        Assert.Equal("23:54:54.727167 IP 127.0.0.1.8080 > 127.0.0.1.34636: Flags [S.], seq 3169621855, ack 117888004, win 65483, options [mss 65495,sackOK,TS val 433933341 ecr 481140914,nop,wscale 10], length 0, ack_rtt 0.000017000", lines[1]);
        Assert.Equal("23:54:54.727183 IP 127.0.0.1.34636 > 127.0.0.1.8080: Flags [.], ack 3169621856, win 64, options [nop,nop,TS val 481140914 ecr 433933341], length 0, ack_rtt 0.000016000, irtt 0.000033000", lines[2]);
        Assert.Equal("23:54:54.727226 IP 127.0.0.1.34636 > 127.0.0.1.8080: Flags [P.], seq 117888004:117888022, ack 3169621856, win 64, options [nop,nop,TS val 481140915 ecr 433933341], length 18, irtt 0.000033000", lines[3]);
        Assert.Equal("23:54:54.728426 IP 127.0.0.1.8081 > 127.0.0.1.35804: Flags [R.], seq 0, ack 2800946273, win 0, length 0, ack_rtt 0.000014000, irtt 0.000014000", lines[11]);
        Assert.Equal("23:54:54.729880 IP6 ::1.49748 > ::1.8080: Flags [S], seq 2861502508, win 65476, options [mss 65476,sackOK,TS val 3151923801 ecr 0,nop,wscale 10], length 0", lines[18]);
        Assert.Equal("23:54:54.731316 IP 127.0.0.1.59376 > 127.0.0.1.9999: UDP, length 4", lines[36]);
        Assert.Equal("23:54:54.731348 IP 127.0.0.1 > 127.0.0.1: ICMP, length 40", lines[37]);
    }

    [Fact]
    public void Packets_SampleJson_WritesTcpPacketsOnly()
    {
        var run = CliRun.Of("packets", RepoPaths.Sample, "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.StdoutLines;
        Assert.Equal(36, lines.Length);
        Assert.Equal("{\"n\":1,\"ts\":1795650894.727150,\"ip\":4,\"src\":\"127.0.0.1\",\"dst\":\"127.0.0.1\",\"sport\":34636,\"dport\":8080,\"flags\":[\"SYN\"],\"seq\":117888003,\"ack\":0,\"win\":65495,\"len\":0,\"opts\":{\"mss\":65495,\"wscale\":10,\"sack_perm\":true,\"ts\":{\"val\":481140914,\"ecr\":0}},\"conn\":\"" + SampleUids.V4Graceful + "\",\"transitions\":[{\"endpoint\":\"resp\",\"from\":\"CLOSED\",\"to\":\"LISTEN\",\"cause\":\"ListenerInferred\"},{\"endpoint\":\"orig\",\"from\":\"CLOSED\",\"to\":\"SYN_SENT\",\"cause\":\"SynSent\"}],\"analysis\":[]}", lines[0]);
        Assert.Equal("{\"n\":2,\"ts\":1795650894.727167,\"ip\":4,\"src\":\"127.0.0.1\",\"dst\":\"127.0.0.1\",\"sport\":8080,\"dport\":34636,\"flags\":[\"SYN\",\"ACK\"],\"seq\":3169621855,\"ack\":117888004,\"win\":65483,\"len\":0,\"opts\":{\"mss\":65495,\"wscale\":10,\"sack_perm\":true,\"ts\":{\"val\":433933341,\"ecr\":481140914}},\"conn\":\"" + SampleUids.V4Graceful + "\",\"transitions\":[{\"endpoint\":\"resp\",\"from\":\"LISTEN\",\"to\":\"SYN_RECEIVED\",\"cause\":\"SynAckSent\"},{\"endpoint\":\"orig\",\"from\":\"SYN_SENT\",\"to\":\"ESTABLISHED\",\"cause\":\"SynAcknowledged\"}],\"analysis\":[],\"acks_frame\":1,\"ack_rtt\":0.000017000}", lines[1]);
        Assert.Equal("{\"n\":12,\"ts\":1795650894.728426,\"ip\":4,\"src\":\"127.0.0.1\",\"dst\":\"127.0.0.1\",\"sport\":8081,\"dport\":35804,\"flags\":[\"RST\",\"ACK\"],\"seq\":0,\"ack\":2800946273,\"win\":0,\"len\":0,\"opts\":{},\"conn\":\"" + SampleUids.V4Refused + "\",\"transitions\":[{\"endpoint\":\"resp\",\"from\":\"LISTEN\",\"to\":\"CLOSED\",\"cause\":\"RefusedAsClosed\"},{\"endpoint\":\"orig\",\"from\":\"SYN_SENT\",\"to\":\"CLOSED\",\"cause\":\"RstReceived\"}],\"analysis\":[],\"acks_frame\":11,\"ack_rtt\":0.000014000,\"irtt\":0.000014000}", lines[11]);
        Assert.Equal("{\"n\":36,\"ts\":1795650894.731046,\"ip\":6,\"src\":\"::1\",\"dst\":\"::1\",\"sport\":8082,\"dport\":49422,\"flags\":[\"RST\",\"ACK\"],\"seq\":597538845,\"ack\":1382231047,\"win\":64,\"len\":0,\"opts\":{\"ts\":{\"val\":989238115,\"ecr\":545363109}},\"conn\":\"" + SampleUids.V6Reset + "\",\"transitions\":[{\"endpoint\":\"resp\",\"from\":\"ESTABLISHED\",\"to\":\"CLOSED\",\"cause\":\"RstSent\"},{\"endpoint\":\"orig\",\"from\":\"ESTABLISHED\",\"to\":\"CLOSED\",\"cause\":\"RstReceived\"}],\"analysis\":[]}", lines[35]);
    }

    [Fact]
    public void Packets_JsonAll_AddsNonTcpPackets()
    {
        var run = CliRun.Of("packets", RepoPaths.Sample, "--format", "json", "--all");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.StdoutLines;
        Assert.Equal(38, lines.Length);
        Assert.Equal("{\"n\":37,\"ts\":1795650894.731316,\"ip\":4,\"src\":\"127.0.0.1\",\"dst\":\"127.0.0.1\",\"proto\":17,\"status\":\"NotTcp\"}", lines[36]);
        Assert.Equal("{\"n\":38,\"ts\":1795650894.731348,\"ip\":4,\"src\":\"127.0.0.1\",\"dst\":\"127.0.0.1\",\"proto\":1,\"status\":\"NotTcp\"}", lines[37]);
    }

    [Fact]
    public void Packets_VerifyChecksums_MarksPartialLoopbackChecksums()
    {
        // With verification the tracker drops bad-checksum segments as Zeek does without -C (the connection is still
        // created, so uids do not change): frame 12, the kernel's RST with a software checksum, is the only segment
        // of the refused connection that is analysed, hence its lone transition.
        var run = CliRun.Of("packets", RepoPaths.Sample, "--format", "json", "--verify-checksums");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.EndsWith(",\"ip_cksum_ok\":true,\"tcp_cksum_ok\":false,\"conn\":\"" + SampleUids.V4Graceful + "\",\"transitions\":[],\"analysis\":[]}", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.EndsWith(",\"opts\":{},\"ip_cksum_ok\":true,\"tcp_cksum_ok\":true,\"conn\":\"" + SampleUids.V4Refused + "\",\"transitions\":[{\"endpoint\":\"orig\",\"from\":\"CLOSED\",\"to\":\"LISTEN\",\"cause\":\"ListenerInferred\"}],\"analysis\":[],\"acks_frame\":11,\"ack_rtt\":0.000014000,\"irtt\":0.000014000}", run.StdoutLines[11], StringComparison.Ordinal);
        Assert.EndsWith("\"ts\":{\"val\":3151923801,\"ecr\":0}},\"tcp_cksum_ok\":false,\"conn\":\"" + SampleUids.V6Graceful + "\",\"transitions\":[],\"analysis\":[]}", run.StdoutLines[18], StringComparison.Ordinal);
    }

    [Fact]
    public void Packets_TruncatedCapture_KeepsEarlierPacketsAndWarnsWithOffset()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Sample);
        using var cut = new TempFile(bytes[..200]);

        var run = CliRun.Of("packets", cut.Path, "--format", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        // 24-byte file header, then record 1 (16 + 74 bytes) whole, then record 2 cut after 86 of its 90 bytes.
        Assert.Single(run.StdoutLines);
        Assert.StartsWith("{\"n\":1,\"ts\":1795650894.727150,", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal($"synack: warning: {cut.Path}: truncated record at byte 114: 86 of 90 bytes\n", run.Stderr);
    }

    [SkippableFact]
    public void Packets_LabeledText_AppendsDuplicateAckAndFastRetransmission()
    {
        var path = Path.Combine(RepoPaths.Shared, "captures", "labeled.pcap");
        Skip.IfNot(File.Exists(path), "../shared/captures/labeled.pcap is absent");

        var run = CliRun.Of("packets", path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.StdoutLines;
        // tshark: frame 4621 "[TCP Dup ACK 4618#3]", frame 4649 "[TCP Fast Retransmission]" (every packet is a line).
        Assert.Equal("23:37:48.930724 IP 127.0.0.1.35912 > 127.0.0.1.31010: Flags [.], ack 3803173613, win 79, options [nop,nop,TS val 3810457904 ecr 1800439687,nop,nop,sack 1 {3803175061:3803179405}], length 0, analysis [duplicate_ack], dup_ack 3 of 4618, irtt 0.000006000", lines[4620]);
        Assert.Equal("23:37:48.930971 IP 127.0.0.1.31010 > 127.0.0.1.35912: Flags [.], seq 3803173613:3803175061, ack 870832834, win 70, options [nop,nop,TS val 1800439687 ecr 3810457904], length 1448, analysis [retransmission,fast_retransmission], irtt 0.000006000", lines[4648]);
    }
}
