namespace SynAck.Cli.Tests;

/// <summary>
/// <c>synack analyze</c> on the sample: 36 TCP packets (6 SYN, 4 SYN+ACK, 4 FIN+ACK, 4 RST+ACK, 6 PSH+ACK, 12 ACK),
/// six connections: per IP version a three-way graceful close, a refusal and a reset by the responder.
/// </summary>
public sealed class AnalyzeCommandTests
{
    [Fact]
    public void Analyze_SampleJson_WritesTheWholeSummary()
    {
        var run = CliRun.Of("analyze", RepoPaths.Sample, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            "{\"schema\":1,\"captures\":[\"" + RepoPaths.Sample + "\"],\"packets\":38,\"tcp_packets\":36,\"not_analysed\":{\"NotTcp\":2},"
            + "\"flags\":{\"SYN\":10,\"FIN\":4,\"ACK\":30,\"PSH\":6,\"RST\":4,\"URG\":0,\"ECE\":0,\"CWR\":0,\"AE\":0},"
            + "\"flag_combinations\":[{\"flags\":\"ACK\",\"packets\":12},{\"flags\":\"SYN\",\"packets\":6},{\"flags\":\"PSH,ACK\",\"packets\":6},"
            + "{\"flags\":\"FIN,ACK\",\"packets\":4},{\"flags\":\"SYN,ACK\",\"packets\":4},{\"flags\":\"RST,ACK\",\"packets\":4}],\"connections\":6,"
            + "\"outcomes\":{\"handshake_completed\":4,\"half_open\":0,\"four_way\":0,\"three_way\":2,\"simultaneous\":0,\"half_close\":0,"
            + "\"reset_by_orig\":0,\"reset_by_resp\":2,\"refused\":2,\"unanswered\":0,\"open\":0,\"evicted\":0,\"other\":0},"
            + "\"conn_states\":{\"SF\":2,\"REJ\":2,\"RSTR\":2},\"handshake_rtt\":{\"syn_synack\":{\"count\":4,\"min\":0.000006,\"p50\":0.000016,"
            + "\"p90\":0.000049,\"p99\":0.000049,\"max\":0.000049},\"synack_ack\":{\"count\":4,\"min\":0.000005,\"p50\":0.000007,\"p90\":0.000016,"
            + "\"p99\":0.000016,\"max\":0.000016}},\"handshake_check_failures\":0,\"handshake_findings\":[],"
            + "\"top_originators\":[{\"host\":\"127.0.0.1\",\"connections\":3},{\"host\":\"::1\",\"connections\":3}],"
            + "\"top_responders\":[{\"host\":\"127.0.0.1\",\"connections\":3},{\"host\":\"::1\",\"connections\":3}],"
            + "\"tcp_analysis\":{\"retransmission\":0,\"duplicate_ack\":0,\"zero_window\":0,\"out_of_order\":0,\"connections_with_retransmissions\":0,\"rtt_samples\":20},"
            + "\"findings\":{\"total\":0,\"by_severity\":{\"high\":0,\"medium\":0,\"low\":0,\"info\":0},\"by_id\":[],\"top\":[]}}\n",
            run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Analyze_SampleText_WritesTheSections()
    {
        var run = CliRun.Of("analyze", RepoPaths.Sample);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var text = run.Stdout;
        Assert.Contains("Flag combinations:\n  ACK      12\n  SYN       6\n  PSH,ACK   6\n  FIN,ACK   4\n  SYN,ACK   4\n  RST,ACK   4\n", text, StringComparison.Ordinal);
        Assert.Contains(
            "Connections by outcome:\n"
            + "  handshake completed                                4\n"
            + "  half-open (SYN+ACK seen, handshake not completed)  0\n"
            + "  graceful close, four-way (FIN, ACK, FIN, ACK)      0\n"
            + "  graceful close, three-way (FIN, FIN+ACK, ACK)      2\n"
            + "  simultaneous close                                 0\n"
            + "  half-close (data after a FIN)                      0\n"
            + "  reset by originator                                0\n"
            + "  reset by responder                                 2\n"
            + "  refused (RST answering SYN)                        2\n"
            + "  unanswered SYN                                     0\n"
            + "  open at capture end                                0\n"
            + "  evicted by idle timeout                            0\n"
            + "  other                                              0\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            "Handshake RTT at the capture point (s):\n"
            + "                  count       min       p50       p90       p99       max\n"
            + "  SYN -> SYN+ACK      4  0.000006  0.000016  0.000049  0.000049  0.000049\n"
            + "  SYN+ACK -> ACK      4  0.000005  0.000007  0.000016  0.000016  0.000016\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("Handshake checks:\n  check failures  0\n", text, StringComparison.Ordinal);
        Assert.Contains("Top responders (connections):\n  127.0.0.1  3\n  ::1        3\n", text, StringComparison.Ordinal);
        Assert.EndsWith("Findings by id:\n  none\n\nTop findings:\n  none\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Analyze_LabeledText_SummarizesAnalysisAndFindings()
    {
        var path = Path.Combine(RepoPaths.Shared, "captures", "labeled.pcap");
        Skip.IfNot(File.Exists(path), "../shared/captures/labeled.pcap is absent");

        var run = CliRun.Of("analyze", path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        // The counts are tshark's tcp.analysis.* totals for the capture; the findings are its crafted flag probes.
        Assert.EndsWith(
            "TCP analysis (packets flagged as tcp.analysis.*):\n"
            + "  retransmission                      40\n"
            + "  duplicate_ack                       39\n"
            + "  zero_window                          8\n"
            + "  out_of_order                         4\n"
            + "  connections with retransmissions     8\n"
            + "  ACK RTT samples                   2233\n"
            + "\n"
            + "Findings by severity:\n  high    1\n  medium  2\n  low     2\n  info    0\n"
            + "\n"
            + "Findings by id:\n"
            + "                                                            severity  findings  matched\n"
            + "  SA-FLAG-001 SYN and FIN in one segment                        high         1        2\n"
            + "  SA-FLAG-004 TCP segment with no flags (NULL)                medium         1        2\n"
            + "  SA-FLAG-005 FIN+PSH+URG segment (Xmas)                      medium         1        2\n"
            + "  SA-FLAG-006 URG set with a zero urgent pointer                 low         1        2\n"
            + "  SA-FLAG-009 Non-zero acknowledgment field with ACK clear       low         1       11\n"
            + "\n"
            + "Top findings:\n"
            + "  SA-FLAG-001  high    127.0.0.1 -> 127.0.0.1, count 2, frames 2957-2961\n"
            + "  SA-FLAG-005  medium  127.0.0.1 -> 127.0.0.1, count 2, frames 2953-2959\n"
            + "  SA-FLAG-004  medium  127.0.0.1 -> 127.0.0.1, count 2, frames 2954-2955\n"
            + "  SA-FLAG-009  low     127.0.0.1 -> 127.0.0.1, count 11, frames 2945-2971\n"
            + "  SA-FLAG-006  low     127.0.0.1 -> 127.0.0.1, count 2, frames 2953-2959\n",
            run.Stdout,
            StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Analyze_TwoCaptures_TopFindingsNameTheirCapture()
    {
        var labeled = Path.Combine(RepoPaths.Shared, "captures", "labeled.pcap");
        Skip.IfNot(File.Exists(labeled), "../shared/captures/labeled.pcap is absent");

        var text = CliRun.Of("analyze", RepoPaths.Sample, labeled);
        var json = CliRun.Of("analyze", "--json", RepoPaths.Sample, labeled);

        // The findings' frame numbers are labeled.pcap's (the sample has none), so each line says so.
        Assert.Equal(ExitCodes.Ok, text.ExitCode);
        var top = text.Stdout[text.Stdout.IndexOf("Top findings:\n", StringComparison.Ordinal)..];
        var pad = new string(' ', Math.Max(RepoPaths.Sample.Length, labeled.Length) - labeled.Length);
        Assert.Equal(
            "Top findings:\n"
            + $"  SA-FLAG-001  high    {labeled}{pad}  127.0.0.1 -> 127.0.0.1, count 2, frames 2957-2961\n"
            + $"  SA-FLAG-005  medium  {labeled}{pad}  127.0.0.1 -> 127.0.0.1, count 2, frames 2953-2959\n"
            + $"  SA-FLAG-004  medium  {labeled}{pad}  127.0.0.1 -> 127.0.0.1, count 2, frames 2954-2955\n"
            + $"  SA-FLAG-009  low     {labeled}{pad}  127.0.0.1 -> 127.0.0.1, count 11, frames 2945-2971\n"
            + $"  SA-FLAG-006  low     {labeled}{pad}  127.0.0.1 -> 127.0.0.1, count 2, frames 2953-2959\n",
            top);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Stdout);
        var first = doc.RootElement.GetProperty("findings").GetProperty("top")[0];
        Assert.Equal(labeled, first.GetProperty("capture").GetString());
        Assert.Equal("SA-FLAG-001", first.GetProperty("id").GetString());
        Assert.Equal(2957, first.GetProperty("first_frame").GetInt64());
    }

    [SkippableFact]
    public void Analyze_OneCapture_TopFindingsHaveNoCaptureKey()
    {
        var labeled = Path.Combine(RepoPaths.Shared, "captures", "labeled.pcap");
        Skip.IfNot(File.Exists(labeled), "../shared/captures/labeled.pcap is absent");

        var json = CliRun.Of("analyze", "--json", labeled);

        using var doc = System.Text.Json.JsonDocument.Parse(json.Stdout);
        var first = doc.RootElement.GetProperty("findings").GetProperty("top")[0];
        Assert.False(first.TryGetProperty("capture", out _));
        Assert.Equal("id", first.EnumerateObject().First().Name);
    }

    [Fact]
    public void Analyze_Terminal_DrawsTables()
    {
        var run = CliRun.Of(["analyze", RepoPaths.Sample], terminal: true);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("╭", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("reset by responder", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_MissingCapture_ExitsOne()
    {
        var path = Path.Combine(Path.GetTempPath(), "synack-missing-" + Guid.NewGuid().ToString("N") + ".pcap");

        var run = CliRun.Of("analyze", path);

        Assert.Equal(ExitCodes.Input, run.ExitCode);
        Assert.Equal($"synack: {path}: no such file\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
