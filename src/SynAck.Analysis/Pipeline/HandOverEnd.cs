namespace SynAck.Analysis.Pipeline;

/// <summary>
/// What every shard does after its segments of one hand-over (a <see cref="Chunk"/>, or an epoch of a
/// <see cref="ScanRun"/>): sweep at <paramref name="SweepNs"/> (leaving alone, on shard
/// <paramref name="SweepOwner"/>, the connection of the segment that triggered it, packet <paramref name="EndFrame"/>),
/// and at the end of the capture flush at <paramref name="EndNs"/>.
/// </summary>
internal readonly record struct HandOverEnd(bool Sweep, long SweepNs, int SweepOwner, long EndFrame, bool Final, long EndNs);
