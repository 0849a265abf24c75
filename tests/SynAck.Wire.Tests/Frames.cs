namespace SynAck.Wire.Tests;

/// <summary>Builds link-layer wrappings around the golden IP packets.</summary>
internal static class Frames
{
    public static byte[] Ipv4Syn => Golden.Bytes(Golden.EthernetIpv4Syn)[14..];

    public static byte[] Ipv6Data => Golden.Bytes(Golden.RawIpv6Data);

    public static byte[] Ethernet(ushort etherType, params byte[][] parts) =>
        Concat([Golden.Bytes("020000000002020000000001"), Be16(etherType), .. parts]);

    public static byte[] Be16(int v) => [(byte)(v >> 8), (byte)v];

    public static byte[] Concat(params byte[][] parts)
    {
        var all = new List<byte>();
        foreach (var p in parts)
        {
            all.AddRange(p);
        }

        return [.. all];
    }
}
