using System.Buffers.Binary;
using FsCheck.Xunit;
using SynAck.Analysis.Input;
using SynAck.Wire;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tests.Segments;

/// <summary>The option summary's direct reads of common layouts give what the general walk gives.</summary>
public class OptionSummaryTests
{
    /// <summary>Linux's SYN layout (MSS, SACK permitted, timestamps, NOP, window scale) with any values.</summary>
    [Property(MaxTest = 300)]
    public void Summarize_LinuxSynLayout_SameAsWalk(ushort mss, byte scale, uint tsVal, uint tsEcr)
    {
        var b = LinuxSyn(mss, scale, tsVal, tsEcr);
        var options = new TcpOptions(b);

        Assert.True(options.IsLinuxSynLayout);
        Assert.Equal(ParseStatus.Ok, options.Validate());
        var fast = TcpSegmentFactory.Summarize(options);
        Assert.Equal(TcpSegmentFactory.Walk(options), fast);
        Assert.Equal(mss, fast.Mss);
        Assert.Equal((sbyte)Math.Min((int)scale, 127), fast.WindowScale);
        Assert.True(fast.SackPermitted);
        Assert.True(fast.HasTimestamps);
        Assert.Equal(tsVal, fast.TsVal);
        Assert.Equal(tsEcr, fast.TsEcr);
    }

    /// <summary>Any one byte of the layout changed: still the walk's answer (direct read or not).</summary>
    [Property(MaxTest = 300)]
    public void Summarize_LinuxSynLayoutOneByteChanged_SameAsWalk(ushort mss, byte scale, byte position, byte value)
    {
        var b = LinuxSyn(mss, scale, 1, 2);
        b[position % b.Length] = value;
        var options = new TcpOptions(b);

        Assert.Equal(TcpSegmentFactory.Walk(options), TcpSegmentFactory.Summarize(options));
    }

    [Fact]
    public void Summarize_SackPermittedMissing_NotTheLinuxLayout()
    {
        // MSS, NOP, NOP, timestamps, NOP, window scale: 20 bytes too, but no SACK permitted.
        byte[] b = [2, 4, 5, 180, 1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7];
        var options = new TcpOptions(b);

        Assert.False(options.IsLinuxSynLayout);
        var summary = TcpSegmentFactory.Summarize(options);
        Assert.False(summary.SackPermitted);
        Assert.Equal(1460, summary.Mss);
        Assert.Equal(7, summary.WindowScale);
        Assert.Equal(1u, summary.TsVal);
    }

    private static byte[] LinuxSyn(ushort mss, byte scale, uint tsVal, uint tsEcr)
    {
        var b = new byte[20];
        b[0] = 2;
        b[1] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(2), mss);
        b[4] = 4;
        b[5] = 2;
        b[6] = 8;
        b[7] = 10;
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(8), tsVal);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(12), tsEcr);
        b[16] = 1;
        b[17] = 3;
        b[18] = 3;
        b[19] = scale;
        return b;
    }
}
