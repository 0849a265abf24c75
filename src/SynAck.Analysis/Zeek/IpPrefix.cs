using SynAck.Wire;

namespace SynAck.Analysis.Zeek;

/// <summary>An address prefix such as 192.168.0.0/16 (for Zeek's <c>ignore_checksums_nets</c>).</summary>
public readonly record struct IpPrefix(IpAddr Network, int Length)
{
    /// <summary>True when <paramref name="address"/> is inside the prefix (same family).</summary>
    public bool Contains(IpAddr address)
    {
        if (address.IsV6 != Network.IsV6)
        {
            return false;
        }

        var bits = address.IsV6 ? 128 : 32;
        var len = Math.Clamp(Length, 0, bits);
        if (len == 0)
        {
            return true;
        }

        var shift = bits - len;
        return (address.Bits >> shift) == (Network.Bits >> shift);
    }
}
