namespace SynAck.Cli.Tests;

public sealed class LadderCommandTests
{
    [Fact]
    public void Ladder_FirstConnection_DrawsHandshakeDataAndTeardown()
    {
        var run = CliRun.Of("ladder", RepoPaths.Sample, "--conn", "1");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            $"""
            {SampleUids.V4Graceful}  127.0.0.1:34636 -> 127.0.0.1:8080  SF ShADadFf, 10 packets
            frame  time      orig 127.0.0.1:34636                               resp 127.0.0.1:8080
                1  0.000000  SYN_SENT      -- SYN seq=0 len=0 --------------->  LISTEN
                2  0.000017  ESTABLISHED   <----- SYN,ACK seq=0 ack=1 len=0 --  SYN_RECEIVED
                3  0.000033  ESTABLISHED   -- ACK seq=1 ack=1 len=0 --------->  ESTABLISHED
                4  0.000076  ESTABLISHED   -- PSH,ACK seq=1 ack=1 len=18 ---->  ESTABLISHED
                5  0.000081  ESTABLISHED   <-------- ACK seq=1 ack=19 len=0 --  ESTABLISHED
                6  0.000557  ESTABLISHED   <--- PSH,ACK seq=1 ack=19 len=44 --  ESTABLISHED
                7  0.000608  ESTABLISHED   -- ACK seq=19 ack=45 len=0 ------->  ESTABLISHED
                8  0.000710  FIN_WAIT_1    -- FIN,ACK seq=19 ack=45 len=0 --->  ESTABLISHED
                9  0.000851  FIN_WAIT_2    <--- FIN,ACK seq=45 ack=20 len=0 --  LAST_ACK
               10  0.000894  TIME_WAIT     -- ACK seq=20 ack=46 len=0 ------->  CLOSED
            final: orig TIME_WAIT, resp CLOSED; close three_way, active closer orig; handshake valid, RTT SYN->SYN+ACK 0.000017 s, SYN+ACK->ACK 0.000016 s

            """,
            run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Ladder_Ipv6EndpointsReversed_FindsTheResetConnection()
    {
        var run = CliRun.Of("ladder", RepoPaths.Sample, "--conn", "[::1]:8082-[::1]:49422");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            $"""
            {SampleUids.V6Reset}  [::1]:49422 -> [::1]:8082  RSTR ShADar, 6 packets
            frame  time      orig [::1]:49422                                  resp [::1]:8082
               31  0.000000  SYN_SENT      -- SYN seq=0 len=0 -------------->  LISTEN
               32  0.000006  ESTABLISHED   <---- SYN,ACK seq=0 ack=1 len=0 --  SYN_RECEIVED
               33  0.000011  ESTABLISHED   -- ACK seq=1 ack=1 len=0 -------->  ESTABLISHED
               34  0.000110  ESTABLISHED   -- PSH,ACK seq=1 ack=1 len=23 --->  ESTABLISHED
               35  0.000113  ESTABLISHED   <------- ACK seq=1 ack=24 len=0 --  ESTABLISHED
               36  0.000181  CLOSED        <--- RST,ACK seq=1 ack=24 len=0 --  CLOSED
            final: orig CLOSED, resp CLOSED; close reset_by_resp, active closer resp; handshake valid, RTT SYN->SYN+ACK 0.000006 s, SYN+ACK->ACK 0.000005 s

            """,
            run.Stdout);
    }

    [Fact]
    public void Ladder_UidAbsolute_ShowsRawSequenceNumbers()
    {
        var run = CliRun.Of("ladder", RepoPaths.Sample, "--conn", SampleUids.V4Refused, "--absolute");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            $"""
            {SampleUids.V4Refused}  127.0.0.1:35804 -> 127.0.0.1:8081  REJ Sr, 2 packets
            frame  time      orig 127.0.0.1:35804                                      resp 127.0.0.1:8081
               11  0.000000  SYN_SENT      -- SYN seq=2800946272 len=0 ------------->  LISTEN
               12  0.000014  CLOSED        <--- RST,ACK seq=0 ack=2800946273 len=0 --  CLOSED
            final: orig CLOSED, resp CLOSED; close refused, active closer none; handshake not complete

            """,
            run.Stdout);
    }

    [Fact]
    public void Ladder_NoSuchConnection_ExitsOne()
    {
        var run = CliRun.Of("ladder", RepoPaths.Sample, "--conn", "99");

        Assert.Equal(ExitCodes.Input, run.ExitCode);
        Assert.Equal($"synack: {RepoPaths.Sample}: no TCP connection matches --conn 99\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("0")]
    [InlineData("127.0.0.1:80")]
    [InlineData("127.0.0.1:80-127.0.0.1:99999")]
    public void Ladder_MalformedConn_ExitsTwo(string conn)
    {
        var run = CliRun.Of("ladder", RepoPaths.Sample, "--conn", conn);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"synack: --conn '{conn}': expected a uid (C...), a connection number (1, 2, ...) or endpoints A:port-B:port\n", run.Stderr);
    }

    [Fact]
    public void Ladder_MissingConnOption_ExitsTwo()
    {
        var run = CliRun.Of("ladder", RepoPaths.Sample);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("synack: Option '--conn' is required. (see 'synack --help')\n", run.Stderr);
    }

    [Fact]
    public void Ladder_Terminal_ColoursTheArrows()
    {
        var run = CliRun.Of(["ladder", RepoPaths.Sample, "--conn", "1"], terminal: true);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("SYN_SENT", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\u001b[", run.Stdout, StringComparison.Ordinal);
    }
}
