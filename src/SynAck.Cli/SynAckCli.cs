using System.CommandLine;
using System.CommandLine.Help;
using SynAck.Capture;
using SynAck.Cli.Commands.Analyze;
using SynAck.Cli.Commands.Anomalies;
using SynAck.Cli.Commands.Connect;
using SynAck.Cli.Commands.Conns;
using SynAck.Cli.Commands.Demo;
using SynAck.Cli.Commands.Dev;
using SynAck.Cli.Commands.Info;
using SynAck.Cli.Commands.Ladder;
using SynAck.Cli.Commands.Listen;
using SynAck.Cli.Commands.Packets;
using SynAck.Cli.Common;

namespace SynAck.Cli;

/// <summary>
/// The <c>synack</c> command line: builds the command tree, parses, runs the chosen command and turns every
/// failure into one line on standard error plus an exit code (0 ok, 1 input, 2 usage; see <see cref="ExitCodes"/>).
/// </summary>
public sealed class SynAckCli(CliEnvironment environment)
{
    private readonly CliEnvironment _env = environment;

    /// <summary>Builds the root command with every verb.</summary>
    public RootCommand CreateRootCommand()
    {
        var common = new CommonOptions();
        var root = new RootCommand("synack: follow TCP connections in pcap/pcapng captures through handshake, data and teardown.");
        root.Options.Add(common.VerifyChecksums);
        root.Options.Add(common.NoTunnels);
        root.Subcommands.Add(InfoCommand.Create(common, _env));
        root.Subcommands.Add(PacketsCommand.Create(common, _env));
        root.Subcommands.Add(ConnsCommand.Create(common, _env));
        root.Subcommands.Add(LadderCommand.Create(common, _env));
        root.Subcommands.Add(AnalyzeCommand.Create(common, _env));
        root.Subcommands.Add(AnomaliesCommand.Create(common, _env));
        root.Subcommands.Add(ListenCommand.Create(_env));
        root.Subcommands.Add(ConnectCommand.Create(_env));
        root.Subcommands.Add(DemoCommand.Create(_env));
        root.Subcommands.Add(DevCommand.Create(_env));
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code.</summary>
    public int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = CreateRootCommand();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            var message = parse.UnmatchedTokens.Count > 0
                ? $"unrecognized command or argument '{parse.UnmatchedTokens[0]}'"
                : parse.Errors[0].Message;
            return Fail(ExitCodes.Usage, message + " (see 'synack --help')");
        }

        var stdout = _env.CreateTextWriter();
        var config = new InvocationConfiguration { Output = stdout, Error = _env.Error, EnableDefaultExceptionHandler = false };
        try
        {
            var code = parse.Invoke(config);
            stdout.Flush();
            return code;
        }
        catch (CliException e)
        {
            return Fail(e.ExitCode, e.Message);
        }
        catch (CaptureFormatException e)
        {
            return Fail(ExitCodes.Input, e.Message);
        }
        catch (IOException e)
        {
            return Fail(ExitCodes.Input, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(ExitCodes.Input, e.Message);
        }
        catch (TimeoutException e)
        {
            // A system tool the endpoint commands run (ip, ss, python3) did not finish: its message names the command.
            return Fail(ExitCodes.Input, e.Message);
        }
        finally
        {
            CloseQuietly(stdout);
        }
    }

    /// <summary>Disposes the stdout writer; a reader that went away (closed pipe) must not turn into a stack trace.</summary>
    private static void CloseQuietly(StreamWriter writer)
    {
        try
        {
            writer.Dispose();
        }
        catch (IOException)
        {
            // The output's reader closed the pipe: there is nobody left to tell, and the exit code is already set.
            return;
        }
    }

    private int Fail(int code, string message)
    {
        _env.Error.WriteLine("synack: " + OneLine(message));
        return code;
    }

    /// <summary>Folds line breaks, tabs and runs of spaces so the error is exactly one readable line.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.ReplaceLineEndings(" ").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
