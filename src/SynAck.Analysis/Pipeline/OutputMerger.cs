using SynAck.Analysis.Records;

namespace SynAck.Analysis.Pipeline;

/// <summary>
/// Writes the records the shards produced for one hand-over (a chunk, or an epoch of a scan) in canonical order,
/// on the calling thread: each shard's list is in that order already (a tracker emits in packet order; only a sweep
/// or the flush goes by slot, and the shard sorts those records itself, see <c>ShardWorker.End</c>; a list still
/// found out of order is sorted here), so the lists are merged by comparing their heads, not sorted together. Counts the records and the live connections the shards reported.
/// </summary>
internal sealed class OutputMerger(Stream? output, Action<ConnRecord>? onRecord)
{
    private readonly BufferedStream? _buffered = output is null ? null : new BufferedStream(output, 1 << 16);
    private int[] _heads = [];

    /// <summary>Records written so far.</summary>
    public long Connections { get; private set; }

    /// <summary>Live connections of all shards at the last merge.</summary>
    public long Live { get; private set; }

    /// <summary>Most live connections at any merge.</summary>
    public long PeakLive { get; private set; }

    /// <summary>Writes the records of <paramref name="outputs"/> (one per shard; null for a shard with nothing).</summary>
    public void Merge(ReadOnlySpan<ShardOutput?> outputs)
    {
        if (_heads.Length < outputs.Length)
        {
            _heads = new int[outputs.Length];
        }

        long live = 0;
        var total = 0;
        for (var k = 0; k < outputs.Length; k++)
        {
            _heads[k] = 0;
            if (outputs[k] is not { } o)
            {
                continue;
            }

            var list = o.Records.Written;
            if (!EmittedRecordOrder.IsSorted(list))
            {
                list.Sort(EmittedRecordOrder.Comparison);
            }

            total += list.Length;
            live += o.LiveConnections;
        }

        for (var n = 0; n < total; n++)
        {
            // The shard whose next record comes first (shards are few: a linear scan of the heads).
            var best = -1;
            for (var k = 0; k < outputs.Length; k++)
            {
                if (outputs[k] is not { } o)
                {
                    continue;
                }

                var records = o.Records.Written;
                if (_heads[k] < records.Length &&
                    (best < 0 || EmittedRecord.Compare(records[_heads[k]], outputs[best]!.Records.Written[_heads[best]]) < 0))
                {
                    best = k;
                }
            }

            var winner = outputs[best]!;
            ref readonly var r = ref winner.Records.Written[_heads[best]++];
            _buffered?.Write(winner.Bytes.Written.Slice(r.Offset, r.Length));
            if (r.Kept >= 0)
            {
                onRecord!(winner.Kept[r.Kept]);
            }
        }

        Connections += total;
        Live = live;
        if (live > PeakLive)
        {
            PeakLive = live;
        }
    }

    /// <summary>Writes what is buffered to the output.</summary>
    public void Flush() => _buffered?.Flush();
}
