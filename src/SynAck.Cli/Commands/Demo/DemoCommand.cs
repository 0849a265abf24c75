using System.CommandLine;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Demo;

/// <summary>Definition of <c>synack demo [--pace MS] [--msl MS] [--pcap FILE]</c>.</summary>
public static class DemoCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var pace = new Option<int>("--pace") { Description = "Milliseconds SynAck's link delays each packet, so every state shows in the ladder (0: full speed)", DefaultValueFactory = _ => 150 };
        var msl = new Option<int>("--msl") { Description = "SynAck's maximum segment lifetime in milliseconds; its TIME-WAIT lasts twice this", DefaultValueFactory = _ => 1000 };
        var ipv6 = new Option<bool>("--ipv6", "-6") { Description = "Use IPv6 (fd53:796e::1 for the kernel, fd53:796e::2 for SynAck)" };
        var pcap = new Option<string?>("--pcap") { Description = "Record SynAck's own packets to this pcap file" };
        var command = new Command(
            "demo",
            "Show a live TCP ladder against the Linux kernel (needs root): in a private network namespace behind a TUN device, the kernel connects to SynAck, then SynAck connects to the kernel; handshake, request/response and teardown with both sides' states")
        {
            pace,
            msl,
            ipv6,
            pcap,
        };
        command.SetAction(async (parse, ct) =>
        {
            var paceMs = parse.GetValue(pace);
            var mslMs = parse.GetValue(msl);
            if (paceMs is < 0 or > 5000 || mslMs is < 0 or > 120_000)
            {
                throw CliException.Usage("--pace must be 0..5000 and --msl 0..120000 milliseconds");
            }

            var v6 = parse.GetValue(ipv6);
            IpAddr.TryParse(v6 ? "fd53:796e::1" : "10.99.0.1", out var kernel);
            IpAddr.TryParse(v6 ? "fd53:796e::2" : "10.99.0.2", out var synack);
            var options = new DemoOptions(kernel, synack, TimeSpan.FromMilliseconds(paceMs), TimeSpan.FromMilliseconds(mslMs), parse.GetValue(pcap));
            return await new DemoHandler(environment, parse.InvocationConfiguration.Output).RunAsync(options, ct).ConfigureAwait(false);
        });
        return command;
    }
}
