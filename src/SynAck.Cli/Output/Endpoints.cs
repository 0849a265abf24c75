using System.Globalization;
using SynAck.Wire;

namespace SynAck.Cli.Output;

/// <summary>Endpoint text: <c>10.0.0.1:80</c>, <c>[2001:db8::1]:80</c> (RFC 5952 §6 brackets for IPv6 with a port).</summary>
public static class Endpoints
{
    public static string Format(IpAddr address, ushort port) => address.IsV6
        ? "[" + address.ToString() + "]:" + port.ToString(CultureInfo.InvariantCulture)
        : address.ToString() + ":" + port.ToString(CultureInfo.InvariantCulture);
}
