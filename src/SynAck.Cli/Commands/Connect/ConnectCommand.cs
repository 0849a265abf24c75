using System.CommandLine;
using SynAck.Cli.Commands.Listen;

namespace SynAck.Cli.Commands.Connect;

/// <summary>Definition of <c>synack connect --port N [--mode file|echo|discard] [--file PATH] [--tun NAME] ...</c>.</summary>
public static class ConnectCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var shared = new EndpointCommandOptions("Port of the server on the kernel's side (--peer)", EndpointMode.File);
        var command = new Command(
            "connect",
            "Open a TCP connection from SynAck's userspace stack over a TUN device to a server at --peer (needs root)");
        shared.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var mode = parse.GetValue(shared.Mode);
            var options = new ConnectOptions(shared.BindTun(parse), parse.GetValue(shared.Port), mode, shared.BindFile(parse, mode));
            return await new ConnectHandler(environment, parse.InvocationConfiguration.Output).RunAsync(options, ct).ConfigureAwait(false);
        });
        return command;
    }
}
