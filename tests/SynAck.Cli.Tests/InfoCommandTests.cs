namespace SynAck.Cli.Tests;

public sealed class InfoCommandTests
{
    [Fact]
    public void Info_Sample_WritesPlainSummaryWhenRedirected()
    {
        var run = CliRun.Of("info", RepoPaths.Sample);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            $"""
            File name:           {RepoPaths.Sample}
            File format:         pcap, little-endian, microseconds
            Compression:         none
            Link types:          Ethernet (1): 38 packets
            Packets:             38
            TCP packets:         36
            UDP packets:         1
            ICMP packets:        1
            Other IP packets:    0
            Non-IP packets:      0
            IP fragments:        0
            First packet:        2026-11-25 23:54:54.727150 UTC
            Last packet:         2026-11-25 23:54:54.731348 UTC
            Capture span:        0.004198 s
            Captured bytes:      3082
            Wire bytes:          3082
            File bytes:          3714
            Truncated packets:   0
            Malformed packets:   0
            Not decoded to TCP:  NotTcp 2
            Checksums:           not verified (--verify-checksums)
            Warnings:            none

            """,
            run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Info_SampleJson_WritesOneObject()
    {
        var run = CliRun.Of("info", RepoPaths.Sample, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            "{\"schema\":1,\"file\":\"" + RepoPaths.Sample + "\",\"format\":\"pcap\",\"byte_order\":\"little-endian\",\"gzip\":false,"
            + "\"timestamp_digits\":[6],\"link_types\":[{\"link_type\":1,\"name\":\"Ethernet\",\"packets\":38}],\"packets\":38,"
            + "\"tcp_packets\":36,\"udp_packets\":1,\"icmp_packets\":1,\"other_ip_packets\":0,\"non_ip_packets\":0,\"ip_fragments\":0,"
            + "\"first_ts\":1795650894.727150,\"last_ts\":1795650894.731348,\"span\":0.004198,\"captured_bytes\":3082,"
            + "\"wire_bytes\":3082,\"file_bytes\":3714,\"truncated_packets\":0,\"malformed_packets\":0,\"decode_status\":{\"NotTcp\":2},"
            + "\"checksums\":{\"verified\":false},\"warnings\":[]}\n",
            run.Stdout);
    }

    [Fact]
    public void Info_VerifyChecksums_CountsLoopbackPartialChecksums()
    {
        // Loopback leaves the TCP checksum as the pseudo-header sum; only the kernel's RST answering the refused
        // IPv4 SYN (frame 12) is checksummed in software, as tcpdump -vv also reports.
        var run = CliRun.Of("--verify-checksums", "info", RepoPaths.Sample, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("\"checksums\":{\"verified\":true,\"bad_ipv4_header\":0,\"bad_tcp\":35}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_Terminal_DrawsATable()
    {
        var run = CliRun.Of(["info", RepoPaths.Sample], terminal: true);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("╭", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("TCP packets", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("36", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_Stdin_ReadsTheCaptureFromStandardInput()
    {
        var run = CliRun.Of(["info", "-", "--json"], stdin: File.ReadAllBytes(RepoPaths.Sample));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("{\"schema\":1,\"file\":\"-\",\"format\":\"pcap\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"packets\":38,\"tcp_packets\":36,", run.Stdout, StringComparison.Ordinal);
    }
}
