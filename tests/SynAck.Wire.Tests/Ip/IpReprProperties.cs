using FsCheck.Xunit;
using SynAck.Wire.Ip;

namespace SynAck.Wire.Tests.Ip;

public sealed class IpReprProperties
{
    [Property(MaxTest = 300)]
    public bool Ipv4Repr_ParseOfEmit_RoundTripsProperty(uint src, uint dst, byte protocol, ushort payload, byte ttl, ushort id, bool df, byte tos)
    {
        var r = new Ipv4Repr
        {
            Source = IpAddr.FromV4(src),
            Destination = IpAddr.FromV4(dst),
            Protocol = protocol,
            PayloadLength = Math.Min((int)payload, ushort.MaxValue - 20),
            Ttl = ttl,
            Identification = id,
            DontFragment = df,
            TypeOfService = tos,
        };
        var buf = new byte[20];
        return r.Emit(buf) == 20
            && Ipv4Header.TryRead(buf, out var h) == ParseStatus.Ok
            && h.ChecksumValid
            && Ipv4Repr.TryParse(h, out var back) == ParseStatus.Ok
            && back == r;
    }

    [Property(MaxTest = 300)]
    public bool Ipv6Repr_ParseOfEmit_RoundTripsProperty(ulong a, ulong b, byte next, ushort payload, byte hops, byte tc, uint flow)
    {
        var r = new Ipv6Repr
        {
            Source = IpAddr.FromV6(new UInt128(a, b)),
            Destination = IpAddr.FromV6(new UInt128(b, a)),
            NextHeader = next,
            PayloadLength = payload,
            HopLimit = hops,
            TrafficClass = tc,
            FlowLabel = flow & 0xF_FFFF,
        };
        var buf = new byte[40];
        return r.Emit(buf) == 40
            && Ipv6Header.TryRead(buf, out var h) == ParseStatus.Ok
            && Ipv6Repr.TryParse(h, out var back) == ParseStatus.Ok
            && back == r;
    }
}
