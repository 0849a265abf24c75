using System.Globalization;
using SynAck.Stack;
using SynAck.Stack.Hosting;
using SynAck.Stack.Links;
using SynAck.Stack.Tcp;
using SynAck.Wire.Tcp;

namespace SynAck.Cli.Commands.Listen;

/// <summary>
/// A TUN device with the kernel's address on one end and a SynAck <see cref="TcpHost"/> on the other. The device
/// is not persistent: closing its descriptor on dispose removes it (also from a namespace it was moved into).
/// </summary>
public sealed class TunSession : IAsyncDisposable
{
    private readonly TunLink _tun;
    private readonly PcapRecorder? _recorder;

    private TunSession(TunOptions options, TunLink tun, PcapRecorder? recorder, TcpHost host)
    {
        Options = options;
        _tun = tun;
        _recorder = recorder;
        Host = host;
    }

    public TunOptions Options { get; }

    /// <summary>The stack.</summary>
    public TcpHost Host { get; }

    /// <summary>The device name the kernel gave the TUN interface.</summary>
    public string DeviceName => _tun.Name;

    /// <summary>
    /// Opens and configures the device, then starts the stack; <paramref name="log"/> gets transitions with --verbose,
    /// <paramref name="decorate"/> may wrap the link (the demo slows it down so each state can be observed), and
    /// <paramref name="observer"/> sees every packet besides the --pcap recorder.
    /// </summary>
    public static async Task<TunSession> OpenAsync(TunOptions options, TcpConfig tcp, TextWriter log, Func<ILink, ILink>? decorate = null, IPacketTap? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        TunLink tun;
        try
        {
            tun = TunLink.Open(options.Device, options.Mtu);
        }
        catch (IOException e)
        {
            throw CliException.Input($"cannot create TUN device {options.Device}: {e.Message}");
        }

        PcapRecorder? recorder = null;
        try
        {
            await ConfigureAsync(options, tun.Name).ConfigureAwait(false);
            recorder = options.Pcap is null ? null : new PcapRecorder(System.IO.File.Create(options.Pcap), TcpHost.UnixNanosNow());
            var link = decorate?.Invoke(tun) ?? tun;
            IPacketTap? tap = (recorder, observer) switch
            {
                (null, _) => observer,
                (_, null) => recorder,
                _ => new TeeTap(recorder, observer),
            };
            var host = new TcpHost(new TcpStackOptions { LocalAddress = options.Local, Tcp = tcp }, link, tap: tap);
            if (options.Verbose)
            {
                host.Transition += t => log.WriteLine(Describe(t));
            }

            return new TunSession(options, tun, recorder, host);
        }
        catch
        {
            recorder?.Dispose();
            tun.Dispose();
            throw;
        }
    }

    /// <summary>One transition as --verbose prints it: time, connection, from, to, cause.</summary>
    public static string Describe(TcpTransition t) => string.Create(
        CultureInfo.InvariantCulture,
        $"{t.Time.Microseconds / 1e6:0.000000} {t.Connection.Local} <> {t.Connection.Remote} {t.From.ToRfcName()} -> {t.To.ToRfcName()} ({t.Cause})");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync().ConfigureAwait(false);
        _recorder?.Dispose();
        _tun.Dispose();
    }

    private static async Task ConfigureAsync(TunOptions o, string device)
    {
        string[] ns = o.Netns is null ? [] : ["-n", o.Netns];
        if (o.Netns is not null)
        {
            await ExternalCommand.CheckAsync("ip", "link", "set", "dev", device, "netns", o.Netns).ConfigureAwait(false);
        }

        if (o.Local.IsV6)
        {
            // IPv6 ignores the peer of a point-to-point address for routing, so SynAck gets a host route. No DAD:
            // nothing else is on the link.
            await ExternalCommand.CheckAsync("ip", [.. ns, "-6", "addr", "add", o.Peer + "/128", "dev", device, "nodad"]).ConfigureAwait(false);
            await ExternalCommand.CheckAsync("ip", [.. ns, "link", "set", "dev", device, "up"]).ConfigureAwait(false);
            await ExternalCommand.CheckAsync("ip", [.. ns, "-6", "route", "add", o.Local + "/128", "dev", device]).ConfigureAwait(false);
        }
        else
        {
            // A point-to-point address: the kernel is Peer, and Local (SynAck) is reached through the device.
            await ExternalCommand.CheckAsync("ip", [.. ns, "addr", "add", o.Peer.ToString(), "peer", o.Local.ToString(), "dev", device]).ConfigureAwait(false);
        }

        await ExternalCommand.CheckAsync("ip", [.. ns, "link", "set", "dev", device, "mtu", o.Mtu.ToString(CultureInfo.InvariantCulture), "up"]).ConfigureAwait(false);
    }
}
