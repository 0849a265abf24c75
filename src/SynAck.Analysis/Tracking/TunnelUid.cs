using SynAck.Analysis.Input;

namespace SynAck.Analysis.Tracking;

/// <summary>
/// Uids of tunnels, for <c>tunnel_parents</c>: Zeek-style (<c>C</c> + base62) and derived from the uid seed and
/// the tunnel's direction-independent identity, so every connection carried by the same tunnel names the same uid,
/// and a capture analysed twice with the same seed gives the same uids. Zeek's own are random.
/// </summary>
public static class TunnelUid
{
    // Keeps tunnel uids apart from connection uids made from the same seed.
    private const ulong Domain = 0x7475_6E6E_656C_5549UL;

    public static string Create(ulong seed, in Encapsulation tunnel) =>
        ConnUid.Create(seed ^ Domain, unchecked((long)tunnel.Identity()));
}
