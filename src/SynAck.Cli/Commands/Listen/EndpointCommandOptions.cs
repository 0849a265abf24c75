using System.CommandLine;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Listen;

/// <summary>The options <c>listen</c> and <c>connect</c> share; one instance per command (no static state).</summary>
public sealed class EndpointCommandOptions
{
    /// <summary>Creates the options; <paramref name="portDescription"/> says whose port <c>--port</c> is.</summary>
    public EndpointCommandOptions(string portDescription, EndpointMode defaultMode)
    {
        Port = new Option<ushort>("--port", "-p") { Description = portDescription, Required = true };
        Mode = new Option<EndpointMode>("--mode", "-m")
        {
            Description = "echo (send back what arrives), discard (read and count), file (send --file, then read the answer)",
            DefaultValueFactory = _ => defaultMode,
        };
    }

    public Option<ushort> Port { get; }

    public Option<EndpointMode> Mode { get; }

    public Option<string?> File { get; } = new("--file", "-f") { Description = "The file to send in file mode ('-' reads standard input)" };

    public Option<string> Device { get; } = new("--tun") { Description = "TUN device name", DefaultValueFactory = _ => "synack0" };

    public Option<string> Local { get; } = new("--local") { Description = "SynAck's address (IPv4 or IPv6)", DefaultValueFactory = _ => "10.88.0.2" };

    public Option<string> Peer { get; } = new("--peer") { Description = "The kernel's address on the TUN device (same family as --local)", DefaultValueFactory = _ => "10.88.0.1" };

    public Option<string?> Netns { get; } = new("--netns") { Description = "Existing network namespace that gets the kernel's end of the TUN device" };

    public Option<int> Mtu { get; } = new("--mtu") { Description = "TUN device MTU", DefaultValueFactory = _ => 1500 };

    public Option<string?> Pcap { get; } = new("--pcap") { Description = "Record SynAck's own packets to this pcap file" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Print every TCP state transition on standard error" };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var o in (Option[])[Port, Mode, File, Device, Local, Peer, Netns, Mtu, Pcap, Verbose])
        {
            command.Options.Add(o);
        }
    }

    /// <summary>Binds the device options; malformed or mixed-family addresses are usage errors.</summary>
    public TunOptions BindTun(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var local = ParseAddress("--local", parse.GetRequiredValue(Local));
        var peer = ParseAddress("--peer", parse.GetRequiredValue(Peer));
        if (local.IsV6 != peer.IsV6 || local == peer)
        {
            throw CliException.Usage("--local and --peer must be two different addresses of the same family");
        }

        var mtu = parse.GetValue(Mtu);
        if (mtu is < 1280 or > 65535)
        {
            throw CliException.Usage("--mtu must be between 1280 and 65535");
        }

        return new TunOptions(parse.GetRequiredValue(Device), local, peer, parse.GetValue(Netns), mtu, parse.GetValue(Pcap), parse.GetValue(Verbose));
    }

    /// <summary>Binds --file for file mode: required there, refused elsewhere.</summary>
    public string? BindFile(ParseResult parse, EndpointMode mode)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var file = parse.GetValue(File);
        return (mode, file) switch
        {
            (EndpointMode.File, null) => throw CliException.Usage("--mode file needs --file PATH"),
            (not EndpointMode.File, not null) => throw CliException.Usage("--file is only used with --mode file"),
            _ => file,
        };
    }

    private static IpAddr ParseAddress(string option, string text) =>
        IpAddr.TryParse(text, out var a) ? a : throw CliException.Usage($"{option}: '{text}' is not an IPv4 or IPv6 address");
}
