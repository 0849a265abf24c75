namespace SynAck.Analysis.Zeek;

public static partial class ZeekTcpAnalyzer
{
    /// <summary>Zeek's <c>Tunnel::max_changes_per_connection</c> default: encapsulation changes reported per connection.</summary>
    public const int MaxTunnelChanges = 5;

    /// <summary>Zeek's <c>HIST_ANALYZER_LIMIT_REACHED</c>: a connection-level letter, not per direction.</summary>
    private const uint HistAnalyzerLimit = 0x8000_0000;

    /// <summary>
    /// Zeek's <c>Connection::CheckEncapsulation</c> for a packet whose encapsulation differs from the connection's:
    /// the first <see cref="MaxTunnelChanges"/> changes are reported (<c>tunnel_changed</c>, which adds the new
    /// tunnel to <c>tunnel_parents</c>); later ones add the history letter <c>X</c> once instead. Returns true when
    /// the change is reported. <paramref name="changes"/> is the connection's change counter.
    /// </summary>
    public static bool EncapsulationChanged(ref ZeekSession s, ref byte changes)
    {
        if (changes >= MaxTunnelChanges)
        {
            s.History.Check(HistAnalyzerLimit, 'X');
            return false;
        }

        changes++;
        return true;
    }
}
