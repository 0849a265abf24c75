using SynAck.Wire;

namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>Addresses used by the crafted captures.</summary>
internal static class Hosts
{
    public static readonly IpAddr Client = IpAddr.FromV4(0x0A010001);
    public static readonly IpAddr Server = IpAddr.FromV4(0x0A010002);
    public static readonly IpAddr Scanner = IpAddr.FromV4(0xC0A80063);
    public const ushort ClientPort = 40000;
    public const ushort ServerPort = 80;
}
