using SynAck.Analysis.Flows;
using SynAck.Analysis.Input;
using SynAck.Analysis.Lifecycle;
using SynAck.Analysis.Output;
using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;

namespace SynAck.Analysis.Tracking;

public sealed partial class ConnectionTracker
{
    /// <summary>
    /// Ends the capture: every live connection is emitted (reason <see cref="RemovalReason.EndOfCapture"/>),
    /// unless one of its timers had already expired by <paramref name="endNanos"/> (default: the last segment's time).
    /// </summary>
    public void Flush(long? endNanos = null)
    {
        var end = endNanos ?? _latestNs;
        for (var i = 0; i < _highWater; i++)
        {
            PrefetchAhead(i);
            ref var c = ref _slots[i];
            if (!c.InUse)
            {
                continue;
            }

            var due = ZeekTcpAnalyzer.DueRemoval(ref c.Zeek, _zeek, end, out var cause);
            if (due != long.MaxValue)
            {
                Remove(i, ToReason(cause), due);
            }
            else
            {
                Remove(i, RemovalReason.EndOfCapture, end);
            }
        }

        _lastSlot = -1;
    }

    /// <summary>
    /// Removes every connection one of whose timers expired by <paramref name="now"/> (the periodic sweep), for
    /// callers that schedule sweeps themselves (<see cref="TrackerOptions.SweepAutomatically"/> off). With
    /// <paramref name="skipLastConnection"/>, the connection of the last processed segment is left alone, as the
    /// automatic sweep does.
    /// </summary>
    public void Sweep(long now, bool skipLastConnection)
    {
        var skip = skipLastConnection ? _lastSlot : -1;
        for (var i = 0; i < _highWater; i++)
        {
            PrefetchAhead(i);
            ref var c = ref _slots[i];
            if (!c.InUse || i == skip)
            {
                continue;
            }

            var due = ZeekTcpAnalyzer.DueRemoval(ref c.Zeek, _zeek, now, out var cause);
            if (due != long.MaxValue)
            {
                Remove(i, ToReason(cause), due);
            }
        }
    }

    // How many slots ahead a sweep or flush prefetches (2, 4 and 8 measured alike; 2 the fastest).
    private const int SweepPrefetchDistance = 2;

    /// <summary>
    /// In a sweep or flush, requests the lines of the slot <see cref="SweepPrefetchDistance"/> ahead of
    /// <paramref name="slot"/>: most connections a sweep removes have been idle for a second or more, their state is out
    /// of cache, and the row reads it all (5 % faster on real-close, interleaved runs).
    /// </summary>
    private void PrefetchAhead(int slot)
    {
        if (slot + SweepPrefetchDistance < _highWater)
        {
            _slots.Prefetch(slot + SweepPrefetchDistance);
        }
    }

    private int Create(in FlowKey key, int hash, in TcpSegment seg)
    {
        if (_index.Count >= _options.MaxConnections)
        {
            EvictLongestIdle();
        }

        int slot;
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
        }
        else
        {
            if (_highWater == _slots.Capacity)
            {
                _slots.Grow();
                if (_sequence is not null)
                {
                    _sequences.Grow();
                }
            }

            if (_highWater == _free.Length)
            {
                // The free list (and the uids, when kept) follow the slots in use, not the blocks' capacity (a block
                // is 65,536 slots).
                var size = Math.Max(1024, _free.Length * 2);
                Array.Resize(ref _free, size);
                if (_options.ReportOutcomes)
                {
                    Array.Resize(ref _uids, size);
                }
            }

            slot = _highWater++;
        }

        // Cleared when taken (a block's memory is not zeroed, and Remove leaves a slot as it was but for InUse).
        ref var c = ref _slots[slot];
        c = default;
        if (_sequence is not null)
        {
            _sequences[slot] = default;
        }

        c.InUse = true;
        c.Key = key;
        c.Ordinal = ++_ordinal;
        if (_idle.Active)
        {
            _idle.Add(0, slot, c.Ordinal);
        }

        // The uid comes from the first packet's number (FirstFrame, see UidOf), not the ordinal: a packet starts at
        // most one connection, and its number does not depend on how packets are split between trackers (sharded
        // runs give the same uids).
        c.Side0IsLow = key.IsLowEndpoint(seg.Source, seg.SourcePort);
        c.FirstFrame = seg.FrameNumber;
        ZeekTcpAnalyzer.Init(ref c.Zeek, seg.TimestampNanos, _zeek);
        if (ZeekTcpAnalyzer.ShouldFlipOnCreate(seg, _zeek.ServerPorts))
        {
            ZeekTcpAnalyzer.FlipRoles(ref c.Zeek);
        }

        c.Rfc[0].OfferedScale = -1;
        c.Rfc[1].OfferedScale = -1;
        c.Handshake = HandshakeTracker.Create();
        c.Teardown = TeardownTracker.Create();
        _index.Add(key, hash, slot);
        Counters.Connections++;
        if (_index.Count > Counters.PeakLive)
        {
            Counters.PeakLive = _index.Count;
        }

        return slot;
    }

    /// <summary>
    /// Removes the connection idle longest (oldest last packet, lowest slot on a tie), found through
    /// <see cref="IdleOrder"/>, which is built the first time the table is full and kept from then on.
    /// </summary>
    private void EvictLongestIdle()
    {
        if (!_idle.Active || _idle.Count > 2 * (_index.Count + 1024))
        {
            RebuildIdleOrder();
        }

        while (_idle.TryPeek(out var time, out var slot, out var ordinal))
        {
            _idle.Pop();
            ref var c = ref _slots[slot];
            if (!c.InUse || c.Ordinal != ordinal || time > c.LastPacketNs)
            {
                // The connection ended, or a packet with an earlier time added an entry below this one.
                continue;
            }

            if (time < c.LastPacketNs)
            {
                // Packets came since the entry was made: it goes back in at its current time.
                _idle.Add(c.LastPacketNs, slot, ordinal);
                continue;
            }

            Remove(slot, RemovalReason.Capacity, _latestNs);
            return;
        }
    }

    private void RebuildIdleOrder()
    {
        _idle.Rebuild();
        for (var i = 0; i < _highWater; i++)
        {
            ref var c = ref _slots[i];
            if (c.InUse)
            {
                _idle.Add(c.LastPacketNs, i, c.Ordinal);
            }
        }
    }

    private void Remove(int slot, RemovalReason reason, long atNs)
    {
        ref var c = ref _slots[slot];
        // The final transitions go through a buffer of their own: the scratch buffer still holds the transitions of
        // the packet just processed (a sweep runs right after it), which CopyLastTransitions reports.
        var count = 0;
        var finish = default(TransitionBuffer);
        LifecycleInference.Finish(ref c.Rfc, atNs, reason is RemovalReason.AttemptTimeout or RemovalReason.Inactivity, _zeek.AttemptDelayNs, _options.MslNs, ref finish, ref count);
        KeepTransitions(slot, ref c, c.LastFrame, ref finish, count);

        switch (reason)
        {
            case RemovalReason.Closed: Counters.Closed++; break;
            case RemovalReason.Inactivity: Counters.EvictedIdle++; break;
            case RemovalReason.AttemptTimeout: Counters.AttemptTimeouts++; break;
            case RemovalReason.Expired: Counters.Expired++; break;
            case RemovalReason.Reused: Counters.Reused++; break;
            case RemovalReason.EndOfCapture: Counters.OpenAtEnd++; break;
            case RemovalReason.Capacity: Counters.EvictedCapacity++; break;
        }

        ConnRecord? record = null;
        if (_rowSink is not null)
        {
            // The records-free path: the row is written from the state before the slot is cleared.
            Span<byte> uid = stackalloc byte[ConnUid.MaxLength];
            Span<byte> history = stackalloc byte[HistoryBuffer.Capacity];
            _rowSink.OnZeekRow(ConnRecordBuilder.ZeekRow(ref c, _options.UidSeed, TunnelParents(slot), uid, history), c.FirstFrame);
        }
        else
        {
            var sequence = _sequence is null ? default : _sequences[slot];
            var uid = _uids.Length != 0 ? _uids[slot] : null;
            record = ConnRecordBuilder.Build(
                ref c, sequence, uid ?? ConnUid.Create(_options.UidSeed, c.FirstFrame), SideDataOf(slot)?.Recorded, reason, TunnelParents(slot));
        }

        if (_sequence is not null)
        {
            _sequence.Release(ref _sequences[slot]);
        }

        _index.Remove(c.Key);
        c.InUse = false;
        if (c.HasSideData)
        {
            _side.Remove(slot);
        }

        if (_uids.Length != 0)
        {
            _uids[slot] = null;
        }

        _free[_freeCount++] = slot;
        if (_lastSlot == slot)
        {
            _lastSlot = -1;
        }

        if (record is not null)
        {
            _sink.OnConnection(record);
        }
    }
}
