namespace SynAck.Wire.Tests;

/// <summary>Hand-built frames whose checksums tshark 4.0 reports as good.</summary>
internal static class Golden
{
    /// <summary>
    /// Ethernet, IPv4 192.168.1.10 -> 10.0.0.1 (id 0x1c46, DF, TTL 64), TCP 51234 -> 443 SYN seq 0x12345678 win 64240,
    /// options MSS 1460, SACK-permitted, TS 0x01020304/0, NOP, WS 7.
    /// </summary>
    public const string EthernetIpv4Syn =
        "020000000002020000000001" + "0800" +
        "4500003c1c464000400652c3c0a8010a0a000001" +
        "c82201bb1234567800000000a002faf04acc0000" + "020405b40402080a010203040000000001030307";

    /// <summary>Ethernet, IPv4 10.0.0.1 -> 192.168.1.10, TCP 443 -> 51234 ACK, no options, padded to 60 bytes.</summary>
    public const string EthernetIpv4AckPadded =
        "020000000002020000000001" + "0800" +
        "450000280000400040066f1d0a000001c0a8010a" +
        "01bbc8229abcdef012345679501001f535f40000" + "000000000000";

    /// <summary>Raw IPv6 2001:db8::1 -> 2001:db8::2, TCP 40000 -> 80 PSH+ACK, NOP NOP TS 10/20, payload "hello".</summary>
    public const string RawIpv6Data =
        "600000000025064020010db800000000000000000000000120010db8000000000000000000000002" +
        "9c400050000003e8000007d0801804002b030000" + "0101080a0000000a00000014" + "68656c6c6f";

    public static byte[] Bytes(string hex) => Convert.FromHexString(hex);
}
