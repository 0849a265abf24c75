namespace SynAck.Wire.Tcp;

/// <summary>
/// The TCP control bits, as laid out in the 12 low bits of header bytes 12–13 (RFC 9293 §3.1, RFC 3168 for
/// CWR/ECE, RFC 3540/9768 for the former NS bit now called AE). The numeric values equal the wire bits, so
/// <c>(TcpFlags)(BinaryPrimitives.ReadUInt16BigEndian(b[12..]) &amp; 0x1FF)</c> is a valid conversion.
/// </summary>
[Flags]
public enum TcpFlags : ushort
{
    None = 0,
    Fin = 0x001,
    Syn = 0x002,
    Rst = 0x004,
    Psh = 0x008,
    Ack = 0x010,
    Urg = 0x020,
    Ece = 0x040,
    Cwr = 0x080,
    /// <summary>Accurate ECN bit (formerly NS, ECN nonce sum).</summary>
    Ae = 0x100,
}
