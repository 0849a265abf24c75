using System.Collections.Frozen;

namespace SynAck.Analysis.Zeek;

/// <summary>
/// Zeek's <c>likely_server_ports</c> for TCP: the ports its protocol scripts register with
/// <c>Analyzer::register_for_ports</c>. It drives the role flip of a connection first seen without a SYN.
/// Default mode loads every base protocol script; bare mode (<c>zeek -b</c>) only those loaded explicitly, so the
/// set is empty unless protocols are named (see docs/zeek-differences.md).
/// </summary>
public sealed class LikelyServerPorts
{
    // TCP server ports per Zeek base protocol script (scripts/base/protocols/*/main.zeek), Zeek 9.1.
    private static readonly FrozenDictionary<string, ushort[]> s_byProtocol = new Dictionary<string, ushort[]>
    {
        ["dce-rpc"] = [135],
        ["dnp3"] = [20000],
        ["dns"] = [53],
        ["finger"] = [79],
        ["ftp"] = [21, 2811],
        ["http"] = [80, 81, 631, 1080, 3128, 8000, 8080, 8888],
        ["imap"] = [143],
        ["irc"] = [6666, 6667, 6668, 6669],
        ["krb"] = [88],
        ["ldap"] = [389, 3268],
        ["modbus"] = [502],
        ["mqtt"] = [1883],
        ["mysql"] = [1434, 3306],
        ["postgresql"] = [5432],
        ["rdp"] = [3389],
        ["redis"] = [6379],
        ["smb"] = [139, 445],
        ["smtp"] = [25, 587],
        ["socks"] = [1080],
        ["ssh"] = [22],
        ["ssl"] = [443, 465, 563, 585, 614, 636, 989, 990, 992, 993, 995, 5223],
        ["syslog"] = [514],
        ["xmpp"] = [5222, 5269],
    }.ToFrozenDictionary();

    private readonly ulong[] _bits = new ulong[65536 / 64];

    private LikelyServerPorts(IEnumerable<ushort> ports)
    {
        foreach (var p in ports)
        {
            _bits[p >> 6] |= 1UL << (p & 63);
        }
    }

    /// <summary>Zeek's default mode: every base protocol's ports.</summary>
    public static LikelyServerPorts Default() => new(s_byProtocol.Values.SelectMany(p => p));

    /// <summary>Bare mode with the given protocol scripts loaded (names as in <c>base/protocols/NAME</c>).</summary>
    public static LikelyServerPorts Bare(params ReadOnlySpan<string> protocols)
    {
        var ports = new List<ushort>();
        foreach (var name in protocols)
        {
            if (s_byProtocol.TryGetValue(name, out var p))
            {
                ports.AddRange(p);
            }
        }

        return new LikelyServerPorts(ports);
    }

    /// <summary>An explicit port set.</summary>
    public static LikelyServerPorts Of(IEnumerable<ushort> ports) => new(ports);

    /// <summary>Protocol names <see cref="Bare"/> knows.</summary>
    public static IEnumerable<string> KnownProtocols => s_byProtocol.Keys;

    /// <summary>True when <paramref name="port"/> is in the set.</summary>
    public bool Contains(ushort port) => (_bits[port >> 6] & (1UL << (port & 63))) != 0;
}
