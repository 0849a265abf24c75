using System.CommandLine;

namespace SynAck.Cli.Commands.Listen;

/// <summary>Definition of <c>synack listen --port N [--mode echo|discard|file] [--tun NAME] [--local A] [--peer B] ...</c>.</summary>
public static class ListenCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var shared = new EndpointCommandOptions("Port SynAck listens on", EndpointMode.Echo);
        var count = new Option<int>("--count", "-n") { Description = "Exit after serving this many connections (0: serve until Ctrl-C)" };
        var command = new Command(
            "listen",
            "Accept TCP connections with SynAck's userspace stack over a TUN device (needs root): the kernel reaches SynAck at --local through the device");
        shared.AddTo(command);
        command.Options.Add(count);
        command.SetAction(async (parse, ct) =>
        {
            var mode = parse.GetValue(shared.Mode);
            var n = parse.GetValue(count);
            if (n < 0)
            {
                throw CliException.Usage("--count must be 0 or more");
            }

            var options = new ListenOptions(shared.BindTun(parse), parse.GetValue(shared.Port), mode, shared.BindFile(parse, mode), n);
            return await new ListenHandler(environment, parse.InvocationConfiguration.Output).RunAsync(options, ct).ConfigureAwait(false);
        });
        return command;
    }
}
