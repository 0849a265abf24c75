namespace SynAck.Analysis.Pipeline;

/// <summary>
/// One record a shard produced, with its place in the canonical output order: the packet number at which it was
/// emitted, then the phase (0 while that packet was processed, 1 in the sweep after it, 2 at the end of the capture),
/// then the connection's first packet number (unique per connection). Sharding does not change any part of the key.
/// Its encoding is <see cref="Length"/> bytes at <see cref="Offset"/> of the shard's output bytes; <see cref="Kept"/>
/// is the index of the record object in <see cref="ShardOutput.Kept"/> when the run hands records to a callback, or
/// -1. No references, so a shard's list lives in native memory (<see cref="BurstBuffer{T}"/>).
/// </summary>
internal readonly record struct EmittedRecord(long EmitFrame, long FirstFrame, int Offset, int Length, int Kept, byte Phase)
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
