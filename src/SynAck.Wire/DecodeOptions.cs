namespace SynAck.Wire;

/// <summary>What <see cref="PacketDecoder"/> follows beyond plain link framing, IP and TCP.</summary>
[Flags]
public enum DecodeOptions : byte
{
    /// <summary>
    /// Stop at the first IP header: a tunnel's outer packet is reported as NotTcp with its protocol, and MAC-in-MAC
    /// frames (802.1ah, FabricPath) as NotIp with their EtherType.
    /// </summary>
    None = 0,

    /// <summary>
    /// Follow tunnels to the inner packet as tshark and Zeek do: IP-in-IP, GRE, VXLAN, Geneve and GTP-U, and the
    /// MAC-in-MAC encapsulations 802.1ah provider backbone bridging and Cisco FabricPath. The outer packet's
    /// addresses, protocol and UDP ports are kept in the <c>Outer*</c> fields of <see cref="DecodedPacket"/>.
    /// </summary>
    FollowTunnels = 1,
}
