using SynAck.Analysis.Input;
using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;

namespace SynAck.Analysis.Tracking;

public sealed partial class ConnectionTracker
{
    /// <summary>
    /// Keeps the connection's encapsulation as Zeek does: a new connection takes its first packet's tunnel as a
    /// parent; a later packet through a different tunnel (or none) is an encapsulation change, reported (its
    /// tunnel added to the parents) up to <see cref="ZeekTcpAnalyzer.MaxTunnelChanges"/> times, then marked with
    /// history <c>X</c>. Untunnelled traffic costs one comparison.
    /// </summary>
    private void CheckEncapsulation(int slot, in TcpSegment seg, bool created)
    {
        ref var c = ref _slots[slot];
        var identity = seg.Tunnel.IsTunnel ? seg.Tunnel.Identity() : 0UL;
        if (created)
        {
            c.TunnelIdentity = identity;
            if (identity != 0)
            {
                AddTunnelParent(slot, seg.Tunnel);
            }

            return;
        }

        if (identity == c.TunnelIdentity)
        {
            return;
        }

        c.TunnelIdentity = identity;
        if (ZeekTcpAnalyzer.EncapsulationChanged(ref c.Zeek, ref c.TunnelChanges) && identity != 0)
        {
            AddTunnelParent(slot, seg.Tunnel);
        }
    }

    private void AddTunnelParent(int slot, in Encapsulation tunnel)
    {
        var list = SideOf(slot).Tunnels ??= [];
        var identity = tunnel.Identity();
        foreach (var t in list)
        {
            if (t.Identity() == identity)
            {
                return;
            }
        }

        list.Add(tunnel);
    }

    private TunnelParent[] TunnelParents(int slot)
    {
        var list = SideDataOf(slot)?.Tunnels;
        if (list is null)
        {
            return [];
        }

        var parents = new TunnelParent[list.Count];
        for (var i = 0; i < parents.Length; i++)
        {
            var t = list[i];
            parents[i] = new TunnelParent(TunnelUid.Create(_options.UidSeed, t), t.Kind, t.Source, t.SourcePort, t.Destination, t.DestinationPort);
        }

        return parents;
    }
}
