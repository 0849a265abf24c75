using FsCheck.Xunit;
using SynAck.Analysis.Flows;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Flows;

public class FlowKeyTests
{
    /// <summary>Both directions give one key; its low endpoint is the lower (address bits, then port).</summary>
    [Property(MaxTest = 500)]
    public void FlowKey_EitherDirection_SameKeyLowEndpointFirst(ulong aUpper, ulong aLower, ushort aPort, ulong bUpper, ulong bLower, ushort bPort, bool v6, byte shareUpper)
    {
        // Addresses often share their upper half (IPv4 always does; IPv6 in one prefix), so make that common.
        if ((shareUpper & 1) == 0)
        {
            bUpper = aUpper;
        }

        var a = v6 ? IpAddr.FromV6(new UInt128(aUpper, aLower)) : IpAddr.FromV4((uint)aLower);
        var b = v6 ? IpAddr.FromV6(new UInt128(bUpper, bLower)) : IpAddr.FromV4((uint)bLower);
        var forward = FlowKey.Create(a, aPort, b, bPort);
        var backward = FlowKey.Create(b, bPort, a, aPort);

        Assert.Equal(forward, backward);
        Assert.Equal(forward.GetHashCode(), backward.GetHashCode());
        var aFirst = a.Bits < b.Bits || (a.Bits == b.Bits && aPort <= bPort);
        Assert.Equal(aFirst ? a : b, forward.LowAddress);
        Assert.Equal(aFirst ? aPort : bPort, forward.LowPort);
        Assert.Equal(aFirst ? b : a, forward.HighAddress);
        Assert.Equal(aFirst ? bPort : aPort, forward.HighPort);
    }

    /// <summary>A connection's side is told by its key: the low endpoint is low from either direction, the other not.</summary>
    [Property(MaxTest = 500)]
    public void FlowKey_IsLowEndpoint_TellsTheSides(ulong aUpper, ulong aLower, ushort aPort, ulong bLower, ushort bPort, bool v6)
    {
        var a = v6 ? IpAddr.FromV6(new UInt128(aUpper, aLower)) : IpAddr.FromV4((uint)aLower);
        var b = v6 ? IpAddr.FromV6(new UInt128(aUpper, bLower)) : IpAddr.FromV4((uint)bLower);
        var key = FlowKey.Create(b, bPort, a, aPort);
        var same = a == b && aPort == bPort;

        Assert.True(key.IsLowEndpoint(key.LowAddress, key.LowPort));
        Assert.Equal(same, key.IsLowEndpoint(key.HighAddress, key.HighPort));
        if (same)
        {
            Assert.True(key.IsLowEndpoint(a, aPort));
        }
        else
        {
            // Exactly one of the two endpoints is the low one.
            Assert.True(key.IsLowEndpoint(a, aPort) ^ key.IsLowEndpoint(b, bPort));
        }
    }

    /// <summary>The IPv4 hash from raw fields is the key's hash, either direction (the scan hands it to the tracker).</summary>
    [Property(MaxTest = 1000)]
    public void FlowKey_HashV4_IsTheKeysHash(uint a, ushort aPort, uint b, ushort bPort, bool sameAddress)
    {
        if (sameAddress)
        {
            b = a;
        }

        var expected = FlowKey.Create(IpAddr.FromV4(a), aPort, IpAddr.FromV4(b), bPort).GetHashCode();

        Assert.Equal(expected, FlowKey.HashV4(a, aPort, b, bPort));
        Assert.Equal(expected, FlowKey.HashV4(b, bPort, a, aPort));
    }

    [Fact]
    public void FlowKey_DifferentInOneField_NotEqual()
    {
        var a = IpAddr.FromV6(new UInt128(1, 2));
        var b = IpAddr.FromV6(new UInt128(3, 4));
        var key = FlowKey.Create(a, 10, b, 20);

        Assert.NotEqual(key, FlowKey.Create(IpAddr.FromV6(new UInt128(5, 2)), 10, b, 20));
        Assert.NotEqual(key, FlowKey.Create(a, 10, IpAddr.FromV6(new UInt128(3, 5)), 20));
        Assert.NotEqual(key, FlowKey.Create(a, 11, b, 20));
        Assert.NotEqual(key, FlowKey.Create(a, 10, b, 21));
        Assert.NotEqual(FlowKey.Create(IpAddr.FromV4(2), 10, IpAddr.FromV4(4), 20), FlowKey.Create(IpAddr.FromV6(2), 10, IpAddr.FromV6(4), 20));
    }
}
