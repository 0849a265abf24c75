using FsCheck.Xunit;
using SynAck.Analysis.Flows;
using SynAck.Analysis.Tracking;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Tracking;

/// <summary>
/// The tracker's open-addressing flow index must behave exactly like a dictionary under any mix of operations. The
/// index compares keys in the slots (as the tracker's slots hold them), so each test keeps its keys in slots too.
/// </summary>
public class FlowTableTests
{
    [Property(MaxTest = 200)]
    public bool FlowTable_AnyOperations_MatchesDictionaryProperty(byte[] ops)
    {
        using var slots = new SlotBlocks<ConnectionState>();
        var table = new FlowTable(slots);
        var reference = new Dictionary<FlowKey, int>();
        var slot = 0;
        foreach (var op in ops)
        {
            // Few distinct keys (64) so adds, hits, removes and re-adds of the same keys all happen.
            var key = Key(op & 63);
            if (op >= 128)
            {
                if (table.Remove(key) != reference.Remove(key))
                {
                    return false;
                }
            }
            else
            {
                Put(slots, table, key, slot);
                reference[key] = slot++;
            }

            if (table.Count != reference.Count)
            {
                return false;
            }
        }

        for (var k = 0; k < 64; k++)
        {
            var key = Key(k);
            var found = table.TryGetValue(key, out var s);
            if (found != reference.TryGetValue(key, out var expected) || (found && s != expected))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void FlowTable_ManyKeysThenRemoveHalf_FindsExactlyTheRest()
    {
        using var slots = new SlotBlocks<ConnectionState>();
        var table = new FlowTable(slots);
        const int n = 50_000;
        for (var i = 0; i < n; i++)
        {
            Put(slots, table, Key(i), i);
        }

        for (var i = 0; i < n; i += 2)
        {
            Assert.True(table.Remove(Key(i)));
        }

        Assert.Equal(n / 2, table.Count);
        for (var i = 0; i < n; i++)
        {
            var found = table.TryGetValue(Key(i), out var slot);
            Assert.Equal(i % 2 == 1, found);
            Assert.Equal(found ? i : -1, slot);
        }
    }

    [Fact]
    public void FlowTable_TwoKeysWithTheSameHash_FindsEach()
    {
        // The entries hold only the 32-bit hash: keys that share one must still be told apart by the slots' keys.
        // Two such keys (found by searching; FlowKey's hash is deterministic).
        var first = CollisionKey(2538188);
        var second = CollisionKey(4194340);

        using var slots = new SlotBlocks<ConnectionState>();
        var table = new FlowTable(slots);
        Put(slots, table, first, 3);
        Put(slots, table, second, 5);

        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second);
        Assert.True(table.TryGetValue(first, out var a));
        Assert.True(table.TryGetValue(second, out var b));
        Assert.Equal((3, 5), (a, b));
        Assert.True(table.Remove(first));
        Assert.False(table.TryGetValue(first, out _));
        Assert.True(table.TryGetValue(second, out b));
        Assert.Equal(5, b);
    }

    [Fact]
    public void FlowTable_BothDirections_SameEntry()
    {
        using var slots = new SlotBlocks<ConnectionState>();
        var table = new FlowTable(slots);
        var a = IpAddr.FromV4(0x0A000001);
        var b = IpAddr.FromV4(0x0A000002);
        Put(slots, table, FlowKey.Create(a, 40000, b, 443), 7);

        Assert.True(table.TryGetValue(FlowKey.Create(b, 443, a, 40000), out var slot));
        Assert.Equal(7, slot);
    }

    /// <summary>Keeps <paramref name="key"/> in slot <paramref name="slot"/>, as the tracker does, and indexes it.</summary>
    private static void Put(SlotBlocks<ConnectionState> slots, FlowTable table, FlowKey key, int slot)
    {
        while (slots.Capacity <= slot)
        {
            slots.Grow();
        }

        slots[slot] = default;
        slots[slot].Key = key;
        table[key] = slot;
    }

    private static FlowKey CollisionKey(int i) =>
        FlowKey.Create(IpAddr.FromV4(0x0A000000u + (uint)(i >> 10)), (ushort)(1024 + (i & 1023)), IpAddr.FromV4(0xC0A80001u), 443);

    private static FlowKey Key(int i) =>
        FlowKey.Create(IpAddr.FromV4(0x0A000000u + (uint)(i >> 8)), (ushort)(1024 + (i & 255)), IpAddr.FromV4(0xC0A80001u), 80);
}
