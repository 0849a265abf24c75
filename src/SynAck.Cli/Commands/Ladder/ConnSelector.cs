using System.Globalization;
using SynAck.Wire;

namespace SynAck.Cli.Commands.Ladder;

/// <summary>
/// Which connection <c>synack ladder --conn</c> draws: a uid (<c>C...</c>), the connection's 1-based number in the
/// capture (the order connections start, as <c>conns</c> numbers them in uids' ordinals), or its two endpoints
/// <c>A:p-B:p</c> in either order (IPv6 in brackets: <c>[::1]:80-[::1]:5000</c>); with port reuse, the first
/// connection on those endpoints.
/// </summary>
public sealed class ConnSelector
{
    private ConnSelector(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public string? Uid { get; private init; }

    public long? Ordinal { get; private init; }

    public (IpAddr Address, ushort Port)? EndpointA { get; private init; }

    public (IpAddr Address, ushort Port)? EndpointB { get; private init; }

    /// <summary>Parses the --conn value; throws a usage <see cref="CliException"/> for anything else.</summary>
    public static ConnSelector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return new ConnSelector(text) { Ordinal = n };
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && TryEndpoint(text.AsSpan(0, dash), out var a) && TryEndpoint(text.AsSpan(dash + 1), out var b))
        {
            return new ConnSelector(text) { EndpointA = a, EndpointB = b };
        }

        if (text.Length > 1 && text[0] == 'C' && !text.AsSpan(1).ContainsAnyExcept(Base62))
        {
            return new ConnSelector(text) { Uid = text };
        }

        throw CliException.Usage($"--conn '{text}': expected a uid (C...), a connection number (1, 2, ...) or endpoints A:port-B:port");
    }

    /// <summary>True when a packet between these endpoints matches the endpoint form (either direction).</summary>
    public bool MatchesEndpoints(IpAddr src, ushort sport, IpAddr dst, ushort dport)
    {
        if (EndpointA is not { } a || EndpointB is not { } b)
        {
            return false;
        }

        return (a == (src, sport) && b == (dst, dport)) || (a == (dst, dport) && b == (src, sport));
    }

    private static ReadOnlySpan<char> Base62 => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static bool TryEndpoint(ReadOnlySpan<char> s, out (IpAddr Address, ushort Port) endpoint)
    {
        endpoint = default;
        ReadOnlySpan<char> host;
        ReadOnlySpan<char> port;
        if (s.StartsWith("["))
        {
            var close = s.IndexOf("]:");
            if (close < 0)
            {
                return false;
            }

            host = s[1..close];
            port = s[(close + 2)..];
        }
        else
        {
            var colon = s.LastIndexOf(':');
            if (colon < 0 || s[..colon].Contains(':'))
            {
                return false;
            }

            host = s[..colon];
            port = s[(colon + 1)..];
        }

        if (!IpAddr.TryParse(host, out var address) || !ushort.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
        {
            return false;
        }

        endpoint = (address, p);
        return true;
    }
}
