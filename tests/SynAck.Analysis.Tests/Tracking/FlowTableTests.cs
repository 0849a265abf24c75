using FsCheck.Xunit;
using SynAck.Analysis.Flows;
using SynAck.Analysis.Tracking;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Tracking;

/// <summary>The tracker's open-addressing flow index must behave exactly like a dictionary under any mix of operations.</summary>
public class FlowTableTests
{
    [Property(MaxTest = 200)]
    public bool FlowTable_AnyOperations_MatchesDictionaryProperty(byte[] ops)
    {
        var table = new FlowTable();
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
                table[key] = slot;
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
        var table = new FlowTable();
        const int n = 50_000;
        for (var i = 0; i < n; i++)
        {
            table[Key(i)] = i;
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
    public void FlowTable_BothDirections_SameEntry()
    {
        var table = new FlowTable();
        var a = IpAddr.FromV4(0x0A000001);
        var b = IpAddr.FromV4(0x0A000002);
        table[FlowKey.Create(a, 40000, b, 443)] = 7;

        Assert.True(table.TryGetValue(FlowKey.Create(b, 443, a, 40000), out var slot));
        Assert.Equal(7, slot);
    }

    private static FlowKey Key(int i) =>
        FlowKey.Create(IpAddr.FromV4(0x0A000000u + (uint)(i >> 8)), (ushort)(1024 + (i & 255)), IpAddr.FromV4(0xC0A80001u), 80);
}
