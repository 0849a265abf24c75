using System.Globalization;

namespace SynAck.Cli.Tests.Tshark;

/// <summary>One tshark row: the raw columns (<see cref="TsharkRunner.FieldNames"/> then
/// <see cref="TsharkRunner.ExtraFieldNames"/>) and how many IP headers tshark found in the frame.</summary>
internal sealed record TsharkRow(string[] Columns, int IpHeaders)
{
    public PacketFields Fields => PacketFields.FromTshark(Columns);

    /// <summary>
    /// True when tshark bounded the IP packet by a PPPoE payload length (RFC 2516 §4) shorter than the IPv4 total
    /// length, and <paramref name="synackLen"/> is the payload length the IPv4 and TCP headers give (what SynAck, like
    /// Zeek, reports: the decoder takes the payload length from the IP header).
    /// </summary>
    public bool IsPppoeLengthClamp(string synackLen)
    {
        var n = TsharkRunner.FieldNames.Length;
        if (!TryInt(Columns[n], out var pppoe) || !TryInt(Columns[n + 1], out var ipLen)
            || !TryInt(Columns[n + 2], out var ipHdr) || !TryInt(Columns[n + 3], out var tcpHdr))
        {
            return false;
        }

        // The PPPoE payload holds the 2-byte PPP protocol field, then the IP packet.
        return pppoe - 2 < ipLen && synackLen == (ipLen - ipHdr - tcpHdr).ToString(CultureInfo.InvariantCulture);
    }

    private static bool TryInt(string field, out int value) =>
        int.TryParse(field.Split(',')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
