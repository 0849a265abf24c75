using SynAck.Analysis.Records;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// One record a shard produced, with its place in the canonical output order: the packet number at which it was
/// emitted, then the phase (0 while that packet was processed, 1 in the sweep after it, 2 at the end of the capture),
/// then the connection's first packet number (unique per connection). Sharding does not change any part of the key.
/// </summary>
internal readonly record struct EmittedRecord(long EmitFrame, byte Phase, long FirstFrame, int Shard, int Offset, int Length, ConnRecord? Record)
{
    public static int Compare(in EmittedRecord a, in EmittedRecord b)
    {
        var c = a.EmitFrame.CompareTo(b.EmitFrame);
        if (c != 0)
        {
            return c;
        }

        c = a.Phase.CompareTo(b.Phase);
        return c != 0 ? c : a.FirstFrame.CompareTo(b.FirstFrame);
    }
}
